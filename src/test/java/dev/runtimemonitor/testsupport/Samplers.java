package dev.runtimemonitor.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSource;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.ThreadFigures;
import io.micrometer.core.instrument.Clock;

/**
 * Samplers over the real JVM with the thread source replaced, for tests that need to
 * control what the threads check sees or make a tick fail.
 */
public final class Samplers {

	private Samplers() {
	}

	public static RuntimeSampler withThreads(Clock clock, Supplier<ThreadFigures> threads) {
		SampleSources platform = SampleSources.platform();
		SampleSource<ThreadFigures> source = new SampleSource<>() {

			@Override
			public String name() {
				return "threads";
			}

			@Override
			public ThreadFigures read() {
				return threads.get();
			}

		};
		return new RuntimeSampler(
				new SampleSources(source, null, platform.virtualThreads(), platform.memory(), platform.gc(), null,
						platform.buffers(), platform.process(), platform.resident(), platform.container(), null),
				clock, Duration.ofSeconds(30));
	}

}
