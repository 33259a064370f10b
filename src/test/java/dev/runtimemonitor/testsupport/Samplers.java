package dev.runtimemonitor.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.ProcessFigures;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSource;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.sampling.ThreadStates;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Samplers over the real JVM with the thread source (or the thread-state, process, or
 * memory and container sources) replaced, for tests that need to control what the threads
 * check or a meter sees, or make a tick fail.
 */
public final class Samplers {

	private Samplers() {
	}

	public static RuntimeSampler withThreads(Clock clock, Supplier<ThreadFigures> threads) {
		SampleSources platform = SampleSources.platform();
		return new RuntimeSampler(new SampleSources(source("threads", threads), null, platform.virtualThreads(),
				platform.memory(), platform.gc(), null, platform.buffers(), platform.process(), platform.resident(),
				platform.container(), null), clock, Duration.ofSeconds(30));
	}

	/**
	 * A sampler whose thread states are what the supplier gives; a supplier that throws
	 * makes the read fail.
	 */
	public static RuntimeSampler withThreadStates(Clock clock, Supplier<ThreadStates> states) {
		SampleSources platform = SampleSources.platform();
		return new RuntimeSampler(new SampleSources(platform.threads(), source("thread-states", states),
				platform.virtualThreads(), platform.memory(), platform.gc(), null, platform.buffers(),
				platform.process(), platform.resident(), platform.container(), null), clock, Duration.ofSeconds(30));
	}

	/**
	 * A sampler whose process figures are what the supplier gives; a supplier that throws
	 * makes the read fail.
	 */
	public static RuntimeSampler withProcess(Clock clock, Supplier<ProcessFigures> process) {
		SampleSources platform = SampleSources.platform();
		return new RuntimeSampler(new SampleSources(platform.threads(), null, platform.virtualThreads(),
				platform.memory(), platform.gc(), null, platform.buffers(), source("process", process),
				platform.resident(), platform.container(), null), clock, Duration.ofSeconds(30));
	}

	/**
	 * A sampler whose heap, non-heap and live-set figures and whose container's memory
	 * are what the suppliers give; a supplier that throws makes that read fail.
	 * @param clock the clock
	 * @param memory the memory figures
	 * @param container the container's memory, or {@code null} for a process outside any
	 * memory control group, whose container source is not supported
	 * @return the sampler
	 */
	public static RuntimeSampler withMemory(Clock clock, Supplier<MemoryFigures> memory,
			@Nullable Supplier<ContainerMemory> container) {
		SampleSources platform = SampleSources.platform();
		return new RuntimeSampler(new SampleSources(platform.threads(), null, platform.virtualThreads(),
				source("memory", memory), platform.gc(), null, platform.buffers(), platform.process(),
				platform.resident(),
				(container != null) ? source("container-memory", container) : unsupported("container-memory"), null),
				clock, Duration.ofSeconds(30));
	}

	private static <T> SampleSource<T> unsupported(String name) {
		return new SampleSource<>() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public boolean isSupported() {
				return false;
			}

			@Override
			public T read() {
				throw new UnsupportedOperationException(name);
			}

		};
	}

	private static <T> SampleSource<T> source(String name, Supplier<T> figures) {
		return new SampleSource<>() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public T read() {
				return figures.get();
			}

		};
	}

}
