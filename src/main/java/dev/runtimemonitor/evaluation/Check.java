package dev.runtimemonitor.evaluation;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;

import dev.runtimemonitor.sampling.RuntimeSnapshot;

/**
 * The checks the monitor judges, each with the value it measures. A measure returns
 * {@code NaN} when its source is missing or the value does not apply (no limit set).
 */
public enum Check {

	/** Live platform threads. */
	THREADS("threads", Unit.THREADS, Measures::liveThreads),

	/** Net live-thread growth per second over the window: a thread leak. */
	THREAD_GROWTH("thread-growth", Unit.THREADS_PER_SECOND, (snapshot, rates) -> rates.threadGrowthPerSecond()),

	/** Heap in use right after the last collection, over the maximum heap. */
	HEAP("heap", Unit.RATIO, Measures::heapAfterGcRatio),

	/** Heap in use now, in bytes. */
	HEAP_USED("heap-used", Unit.BYTES, Measures::heapUsed),

	/** The 99th percentile GC pause over the window, in seconds. */
	GC_PAUSE("gc-pause", Unit.SECONDS, Measures::gcPauseP99),

	/** Share of wall time spent in collection pauses over the window. */
	GC_OVERHEAD("gc-overhead", Unit.RATIO, (snapshot, rates) -> rates.gcPauseShare()),

	/** Deadlocked threads. */
	DEADLOCK("deadlock", Unit.THREADS, Measures::deadlockedThreads),

	/** Resident memory over the container's memory limit. */
	CONTAINER_MEMORY("container-memory", Unit.RATIO, Measures::containerMemoryRatio),

	/** Metaspace in use over {@code -XX:MaxMetaspaceSize}. */
	METASPACE("metaspace", Unit.RATIO, Measures::metaspaceRatio),

	/** Direct buffer memory over {@code -XX:MaxDirectMemorySize}. */
	DIRECT_MEMORY("direct-memory", Unit.RATIO, Measures::directMemoryRatio),

	/** Open file descriptors over the process's limit. */
	FILE_DESCRIPTORS("file-descriptors", Unit.RATIO, Measures::fileDescriptorRatio),

	/**
	 * Seconds since the last good sample. Zero when a tick evaluates it; it grows only
	 * when read between ticks, which is how a stuck sampler shows.
	 */
	SAMPLER("sampler", Unit.SECONDS, (snapshot, rates) -> 0.0);

	private final String id;

	private final Unit unit;

	private final ToDoubleBiFunction<RuntimeSnapshot, Rates> measure;

	Check(String id, Unit unit, ToDoubleBiFunction<RuntimeSnapshot, Rates> measure) {
		this.id = id;
		this.unit = unit;
		this.measure = measure;
	}

	/**
	 * The check's name in properties, metrics and health details.
	 * @return the kebab-case name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The unit of the check's value and thresholds.
	 * @return the unit
	 */
	public Unit unit() {
		return this.unit;
	}

	double measure(RuntimeSnapshot snapshot, Rates rates) {
		return this.measure.applyAsDouble(snapshot, rates);
	}

	/**
	 * The check of the given name.
	 * @param id the kebab-case name
	 * @return the check, or empty for an unknown name
	 */
	public static Optional<Check> fromId(String id) {
		return Arrays.stream(values()).filter((check) -> check.id.equals(id)).findFirst();
	}

}
