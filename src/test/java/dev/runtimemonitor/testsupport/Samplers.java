package dev.runtimemonitor.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSource;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.sampling.ThreadStates;
import io.micrometer.core.instrument.Clock;

/**
 * Samplers over the real JVM with the thread source (or the thread-state source)
 * replaced, for tests that need to control what the threads check sees or make a tick
 * fail.
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

	/**
	 * A sampler whose thread states are what the supplier gives; a supplier that throws
	 * makes the read fail.
	 */
	public static RuntimeSampler withThreadStates(Clock clock, Supplier<ThreadStates> states) {
		SampleSources platform = SampleSources.platform();
		SampleSource<ThreadStates> source = new SampleSource<>() {

			@Override
			public String name() {
				return "thread-states";
			}

			@Override
			public ThreadStates read() {
				return states.get();
			}

		};
		return new RuntimeSampler(new SampleSources(platform.threads(), source, platform.virtualThreads(),
				platform.memory(), platform.gc(), null, platform.buffers(), platform.process(), platform.resident(),
				platform.container(), null), clock, Duration.ofSeconds(30));
	}

}
