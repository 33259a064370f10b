package dev.runtimemonitor.evaluation;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The checks the monitor judges, each with the value it reads. A value is {@code NaN}
 * when its source is missing or it does not apply (no limit set).
 */
public enum Check {

	/** Live platform threads. */
	THREADS("threads", Unit.THREADS, (readings) -> readings.threads().live()),

	/** Net live-thread growth per second over the window: a thread leak. */
	THREAD_GROWTH("thread-growth", Unit.THREADS_PER_SECOND, (readings) -> readings.threads().growthPerSecond()),

	/** Heap in use right after the last collection, over the maximum heap. */
	HEAP("heap", Unit.RATIO,
			(readings) -> Readings.ratio(readings.heap().usedAfterGcBytes(), readings.heap().maxBytes())),

	/**
	 * Seconds until the live set fills the heap at its growth: lower is worse, infinite
	 * when it does not grow.
	 */
	HEAP_GROWTH("heap-growth", Unit.SECONDS, (readings) -> readings.heap().secondsUntilFull(), Direction.LOWER_IS_WORSE,
			Check::noProjection),

	/** Heap in use now, in bytes. */
	HEAP_USED("heap-used", Unit.BYTES, (readings) -> readings.heap().usedBytes()),

	/** The 99th percentile GC pause over the window, in seconds. */
	GC_PAUSE("gc-pause", Unit.SECONDS, (readings) -> readings.gc().p99Seconds()),

	/** Share of wall time spent in collection pauses over the window. */
	GC_OVERHEAD("gc-overhead", Unit.RATIO, (readings) -> readings.gc().overhead()),

	/** Deadlocked threads. */
	DEADLOCK("deadlock", Unit.THREADS, (readings) -> readings.threads().deadlocked()),

	/**
	 * The container's working set over its memory limit, as the kernel and the kubelet
	 * judge it. While it climbs steadily, it is also judged where the climb takes it by
	 * the end of the sustain.
	 */
	CONTAINER_MEMORY("container-memory", Unit.RATIO,
			(readings) -> Readings.ratio(readings.memory().containerUsedBytes(),
					readings.memory().containerLimitBytes()),
			Direction.HIGHER_IS_WORSE, Check::steadyContainerClimb),

	/** Metaspace in use over {@code -XX:MaxMetaspaceSize}. */
	METASPACE("metaspace", Unit.RATIO,
			(readings) -> Readings.ratio(readings.memory().metaspaceUsedBytes(),
					readings.memory().metaspaceMaxBytes())),

	/** Direct buffer memory over {@code -XX:MaxDirectMemorySize}. */
	DIRECT_MEMORY("direct-memory", Unit.RATIO,
			(readings) -> Readings.ratio(readings.memory().directBufferBytes(),
					readings.memory().directMemoryMaxBytes())),

	/** Open file descriptors over the process's limit. */
	FILE_DESCRIPTORS("file-descriptors", Unit.RATIO,
			(readings) -> Readings.ratio(readings.memory().openFileDescriptors(),
					readings.memory().maxFileDescriptors())),

	/**
	 * Seconds since the last good sample, as of the readings: zero at each tick, whose
	 * own sample is the last good one, and growing while the next tick is overdue
	 * ({@link Evaluator#asOf}), which is how a stuck sampler shows.
	 */
	SAMPLER("sampler", Unit.SECONDS, Readings::sampleAgeSeconds);

	private final String id;

	private final Unit unit;

	private final ToDoubleFunction<Readings> measure;

	private final Direction direction;

	private final Projection projection;

	Check(String id, Unit unit, ToDoubleFunction<Readings> measure) {
		this(id, unit, measure, Direction.HIGHER_IS_WORSE, Check::noProjection);
	}

	Check(String id, Unit unit, ToDoubleFunction<Readings> measure, Direction direction, Projection projection) {
		this.id = id;
		this.unit = unit;
		this.measure = measure;
		this.direction = direction;
		this.projection = projection;
	}

	private static double noProjection(Readings readings, double seconds) {
		return Double.NaN;
	}

	private static double steadyContainerClimb(Readings readings, double seconds) {
		Readings.Memory memory = readings.memory();
		return Readings.ratio(memory.containerUsedBytes() + memory.containerGrowthBytesPerSecond() * seconds,
				memory.containerLimitBytes());
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

	/**
	 * Whether a higher value is the worse one, as for most checks.
	 * @return {@code true} unless the value is a time left
	 */
	public boolean higherIsWorse() {
		return this.direction == Direction.HIGHER_IS_WORSE;
	}

	/**
	 * Where the check's value is heading: its value a time from now, where a steady trend
	 * tells.
	 * @param readings the readings of one evaluation
	 * @param seconds how far ahead
	 * @return the projected value, {@code NaN} without a steady trend
	 */
	public double project(Readings readings, double seconds) {
		return this.projection.project(readings, seconds);
	}

	/**
	 * The check's value, taken from the readings.
	 * @param readings the readings of one evaluation
	 * @return the value, {@code NaN} when it cannot be known
	 */
	public double measure(Readings readings) {
		return this.measure.applyAsDouble(readings);
	}

	/**
	 * The check of the given name.
	 * @param id the kebab-case name
	 * @return the check, or empty for an unknown name
	 */
	public static Optional<Check> fromId(String id) {
		return Arrays.stream(values()).filter((check) -> check.id.equals(id)).findFirst();
	}

	/**
	 * Which way a value gets worse.
	 */
	enum Direction {

		/** A higher value is worse: threads, shares, pauses. */
		HIGHER_IS_WORSE,

		/** A lower value is worse: the time left until something is full. */
		LOWER_IS_WORSE

	}

	/**
	 * A check's value a time ahead, from the trend in the readings.
	 */
	@FunctionalInterface
	interface Projection {

		double project(Readings readings, double seconds);

	}

}
