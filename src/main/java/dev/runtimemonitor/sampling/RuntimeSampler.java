package dev.runtimemonitor.sampling;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one {@link RuntimeSnapshot} per call. A source that throws is counted, logged the
 * first time, and left out of that snapshot; one the platform lacks is counted once,
 * logged once and never read. The deadlock search runs on its own, longer interval;
 * between searches the snapshot carries the last outcome.
 * <p>
 * Not thread-safe: one sampling thread calls it.
 */
public final class RuntimeSampler implements Closeable {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeSampler.class);

	private final SampleSources sources;

	private final Clock clock;

	private final long deadlockIntervalNanos;

	private final SampleErrors errors;

	private final Set<SampleSource<?>> unsupported = new HashSet<>();

	private final Set<SampleSource<?>> failedBefore = new HashSet<>();

	private @Nullable DeadlockFigures lastDeadlocks;

	private long lastDeadlockSearch;

	/**
	 * Create a sampler.
	 * @param sources what to read
	 * @param clock the clock that stamps each snapshot
	 * @param deadlockInterval how often to search for deadlocked threads
	 */
	public RuntimeSampler(SampleSources sources, Clock clock, Duration deadlockInterval) {
		this.sources = sources;
		this.clock = clock;
		this.deadlockIntervalNanos = deadlockInterval.toNanos();
		List<SampleSource<?>> all = sources.all();
		this.errors = new SampleErrors(all.stream().map(SampleSource::name).toList());
		for (SampleSource<?> source : all) {
			if (!source.isSupported()) {
				this.unsupported.add(source);
				this.errors.increment(source.name());
				logger.info("Runtime source '{}' is not available on this platform; its figures and checks will be "
						+ "unknown", source.name());
			}
		}
	}

	/**
	 * The failures counted so far, per source.
	 * @return the error counts
	 */
	public SampleErrors errors() {
		return this.errors;
	}

	/**
	 * Read every source once.
	 * @return the snapshot; never throws for a failing source
	 */
	public RuntimeSnapshot sample() {
		long start = this.clock.monotonicTime();
		Instant time = Instant.ofEpochMilli(this.clock.wallTime());
		ThreadFigures threads = read(this.sources.threads());
		ThreadStates threadStates = readOptional(this.sources.threadStates());
		VirtualThreadFigures virtualThreads = read(this.sources.virtualThreads());
		MemoryFigures memory = read(this.sources.memory());
		GcFigures gc = read(this.sources.gc());
		GcPauseFigures pauses = readOptional(this.sources.pauses());
		BufferFigures buffers = read(this.sources.buffers());
		ProcessFigures process = read(this.sources.process());
		ResidentMemory resident = read(this.sources.resident());
		ContainerMemory container = read(this.sources.container());
		DeadlockFigures deadlocks = searchDeadlocksWhenDue(start, time);
		long duration = this.clock.monotonicTime() - start;
		return new RuntimeSnapshot(time, start, duration, threads, threadStates, virtualThreads, memory, gc, pauses,
				buffers, process, resident, container, deadlocks);
	}

	private @Nullable DeadlockFigures searchDeadlocksWhenDue(long now, Instant time) {
		SampleSource<Integer> search = this.sources.deadlocks();
		if (search == null) {
			return null;
		}
		boolean due = this.lastDeadlocks == null || now - this.lastDeadlockSearch >= this.deadlockIntervalNanos;
		if (due) {
			Integer deadlocked = read(search);
			this.lastDeadlocks = (deadlocked != null) ? new DeadlockFigures(deadlocked, time) : null;
			this.lastDeadlockSearch = now;
		}
		return this.lastDeadlocks;
	}

	private <T> @Nullable T readOptional(@Nullable SampleSource<T> source) {
		return (source != null) ? read(source) : null;
	}

	private <T> @Nullable T read(SampleSource<T> source) {
		if (this.unsupported.contains(source)) {
			return null;
		}
		try {
			return source.read();
		}
		catch (Exception | LinkageError ex) {
			this.errors.increment(source.name());
			if (this.failedBefore.add(source)) {
				logger.warn("Runtime source '{}' failed; its figures are left out of this sample", source.name(), ex);
			}
			else {
				logger.debug("Runtime source '{}' failed again", source.name(), ex);
			}
			return null;
		}
	}

	@Override
	public void close() throws IOException {
		for (SampleSource<?> source : this.sources.all()) {
			if (source instanceof Closeable closeable) {
				closeable.close();
			}
		}
	}

}
