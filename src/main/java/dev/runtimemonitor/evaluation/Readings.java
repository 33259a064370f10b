package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.sampling.BufferFigures;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.DeadlockFigures;
import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.LiveSetPoints;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.MemoryPoolFigures;
import dev.runtimemonitor.sampling.ProcessFigures;
import dev.runtimemonitor.sampling.ResidentMemory;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.sampling.ThreadStates;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.jspecify.annotations.Nullable;

/**
 * Every figure of one evaluation as a number, flattened once from the snapshot and the
 * snapshots before it. A figure that is unknown, because its source failed or it does not
 * apply here (no container limit, no metaspace maximum), is {@code NaN}: this is the one
 * place where the snapshot's missing parts and {@code -1}s become that, and what every
 * check, meter, report and history point reads. Figures only: what one evaluation hands
 * to the next to compute them, such as the container's climb, is kept in the evaluation
 * ({@link Evaluation#containerClimb}).
 * <p>
 * The threads, heap, memory and GC groups, the pause causes and the collectors are the
 * report's JSON as they are: the published shape, not a copy of it. The names carry their
 * units, and a component added to one of these records is a field of the JSON, which
 * docs/checks-and-meters.md must list.
 * <p>
 * What only the report shows, and only when asked, is flattened here on demand rather
 * than at every tick: each collector's own figures ({@link #collectors}) and the window's
 * pauses by cause ({@link #pauseCauses}). The JVM's settings, read once at start-up, are
 * flattened the same way ({@link Settings#of}).
 *
 * @param threads platform threads
 * @param heap the heap
 * @param memory memory outside the heap, and the process's and container's
 * @param gc garbage collection, pauses and allocation
 * @param threadsByState platform threads by state
 * @param cpu the process's CPU time
 * @param sampleAgeSeconds the age of the last good sample as of these readings: zero for
 * a tick's own readings, whose sample is the last good one; more when they are read again
 * after the next tick is overdue ({@link #asOf})
 */
public record Readings(Threads threads, Heap heap, Memory memory, Gc gc, ThreadsByState threadsByState, Cpu cpu,
		double sampleAgeSeconds) {

	/** The pool whose usage the metaspace figures are. */
	static final String METASPACE_POOL = "Metaspace";

	/**
	 * The readings of a first snapshot, with nothing before it.
	 * @param current the snapshot
	 * @return the readings
	 */
	public static Readings of(RuntimeSnapshot current) {
		return of(current, null, ContainerClimb.NONE, null, 0);
	}

	/**
	 * The readings of a snapshot.
	 * @param current the snapshot just taken
	 * @param previous the snapshot before it, or {@code null} for the first
	 * @param containerClimb the container's climb up to the snapshot just taken, whose
	 * rate is {@link Memory#containerGrowthBytesPerSecond}
	 * @param windowStart the oldest snapshot within the window, or {@code null}
	 * @param minimumSpanNanos the shortest span window rates are computed over; shorter
	 * spans, right after start, give unknown rates rather than noise
	 * @return the readings
	 */
	public static Readings of(RuntimeSnapshot current, @Nullable RuntimeSnapshot previous,
			ContainerClimb containerClimb, @Nullable RuntimeSnapshot windowStart, long minimumSpanNanos) {
		RuntimeSnapshot start = (windowStart != null
				&& current.monotonicNanos() - windowStart.monotonicNanos() >= minimumSpanNanos) ? windowStart : null;
		double windowSeconds = (start != null) ? Seconds.ofNanos(current.monotonicNanos() - start.monotonicNanos())
				: Double.NaN;
		double sincePrevious = secondsBetween(previous, current);
		return new Readings(Threads.of(current, start, windowSeconds),
				Heap.of(current.memory(), current.gc(), current.time().toEpochMilli()),
				Memory.of(current, containerClimb), Gc.of(current, start, previous, windowSeconds, sincePrevious),
				ThreadsByState.of(current), Cpu.of(current, previous), 0);
	}

	/**
	 * The time between two snapshots.
	 * @param previous the earlier snapshot, or {@code null} for none
	 * @param current the later one
	 * @return seconds, {@code NaN} without an earlier snapshot
	 */
	static double secondsBetween(@Nullable RuntimeSnapshot previous, RuntimeSnapshot current) {
		return (previous != null) ? Seconds.ofNanos(current.monotonicNanos() - previous.monotonicNanos()) : Double.NaN;
	}

	/**
	 * These readings as of a later moment, no newer sample having been taken since.
	 * @param sampleAgeSeconds the age of their sample at that moment
	 * @return the same figures with that sample age
	 */
	public Readings asOf(double sampleAgeSeconds) {
		return new Readings(this.threads, this.heap, this.memory, this.gc, this.threadsByState, this.cpu,
				sampleAgeSeconds);
	}

	/**
	 * Each collector's own count and time, as the JVM reports them.
	 * @param snapshot the snapshot
	 * @return the collectors, empty when they could not be read
	 */
	public static List<Collector> collectors(RuntimeSnapshot snapshot) {
		GcFigures gc = snapshot.gc();
		if (gc == null) {
			return List.of();
		}
		return gc.collectors().stream().map(Collector::of).toList();
	}

	/**
	 * The window's pauses by cause, the most pause time first.
	 * @param snapshot the snapshot
	 * @return the causes, empty when pauses are not recorded
	 */
	public static List<PauseCause> pauseCauses(RuntimeSnapshot snapshot) {
		GcPauseFigures pauses = snapshot.pauses();
		if (pauses == null) {
			return List.of();
		}
		return pauses.windowCauses()
			.stream()
			.map((cause) -> new PauseCause(cause.cause(), cause.pauses(), Seconds.ofNanos(cause.pauseNanos()),
					Seconds.ofNanos(cause.maxNanos()), cause.diagnostic()))
			.toList();
	}

	/**
	 * A share of a whole, {@code NaN} when either is unknown or the whole is not
	 * positive.
	 * @param part the part
	 * @param whole the whole
	 * @return the share
	 */
	public static double ratio(double part, double whole) {
		return (whole > 0) ? part / whole : Double.NaN;
	}

	private static double known(long value) {
		return (value >= 0) ? value : Double.NaN;
	}

	private static double positive(long value) {
		return (value > 0) ? value : Double.NaN;
	}

	/**
	 * The change of a running total per second over a span, never below zero.
	 */
	private static double perSecond(double now, double then, double spanSeconds) {
		return Math.max(0, now - then) / spanSeconds;
	}

	/**
	 * Platform threads.
	 *
	 * @param live live platform threads
	 * @param daemon live daemon threads
	 * @param peak the most live threads since the JVM started
	 * @param started threads started since the JVM started
	 * @param growthPerSecond net live-thread growth per second over the window
	 * @param deadlocked deadlocked threads at the most recent search
	 */
	public record Threads(double live, double daemon, double peak, double started, double growthPerSecond,
			double deadlocked) {

		static Threads of(RuntimeSnapshot current, @Nullable RuntimeSnapshot windowStart, double windowSeconds) {
			ThreadFigures now = current.threads();
			ThreadFigures then = (windowStart != null) ? windowStart.threads() : null;
			DeadlockFigures deadlocks = current.deadlocks();
			double deadlocked = (deadlocks != null) ? deadlocks.deadlockedThreads() : Double.NaN;
			if (now == null) {
				return new Threads(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, deadlocked);
			}
			double growth = (then != null) ? (now.live() - then.live()) / windowSeconds : Double.NaN;
			return new Threads(now.live(), now.daemon(), now.peak(), now.started(), growth, deadlocked);
		}

	}

	/**
	 * The heap.
	 *
	 * @param usedBytes heap in use now
	 * @param committedBytes heap the operating system has committed
	 * @param maxBytes the maximum heap
	 * @param usedAfterGcBytes heap in use right after the most recent collection, young
	 * ones included
	 * @param liveSetBytes the old generation right after the most recent collection seen
	 * to reclaim old objects, the lowest of the minute when there were several: the live
	 * data, without the garbage young collections promote
	 * @param liveSetGrowthBytesPerSecond how fast the live set grows, over the last half
	 * hour of such collections; zero when it does not
	 * @param secondsUntilFull when the live set reaches the maximum heap at that growth;
	 * infinite when it does not grow
	 */
	public record Heap(double usedBytes, double committedBytes, double maxBytes, double usedAfterGcBytes,
			double liveSetBytes, double liveSetGrowthBytesPerSecond, double secondsUntilFull) {

		/** How much time the live-set points must span before their growth is known. */
		public static final Duration GROWTH_MINIMUM_SPAN = Duration.ofMillis(LiveSetTrend.MINIMUM_SPAN_MILLIS);

		static Heap of(@Nullable MemoryFigures memory, @Nullable GcFigures gc, long nowMillis) {
			double afterGc = (gc != null) ? known(gc.heapUsedAfterGc()) : Double.NaN;
			if (memory == null) {
				return new Heap(Double.NaN, Double.NaN, Double.NaN, afterGc, Double.NaN, Double.NaN, Double.NaN);
			}
			LiveSetPoints liveSet = memory.liveSet();
			double live = (liveSet.size() > 0) ? liveSet.bytes()[liveSet.size() - 1] : Double.NaN;
			double growth = LiveSetTrend.bytesPerSecond(liveSet, nowMillis);
			double max = positive(memory.heap().max());
			double untilFull = (growth > 0) ? Math.max(0, max - live) / growth
					: (growth == 0 && !Double.isNaN(max)) ? Double.POSITIVE_INFINITY : Double.NaN;
			return new Heap(memory.heap().used(), memory.heap().committed(), max, afterGc, live, growth, untilFull);
		}

	}

	/**
	 * Memory outside the heap, and the memory of the process and of its container.
	 *
	 * @param nonHeapUsedBytes non-heap memory the JVM accounts for (metaspace, code
	 * cache)
	 * @param nonHeapCommittedBytes non-heap memory the JVM has committed
	 * @param metaspaceUsedBytes metaspace in use
	 * @param metaspaceMaxBytes {@code -XX:MaxMetaspaceSize}
	 * @param directBufferBytes memory reserved by direct buffers
	 * @param directMemoryMaxBytes {@code -XX:MaxDirectMemorySize}
	 * @param mappedBufferBytes memory of buffers mapped to files
	 * @param residentBytes the process's resident memory
	 * @param containerLimitBytes the container's memory limit
	 * @param containerUsageBytes the container's memory use, page cache included
	 * @param containerWorkingSetBytes the container's use less its inactive file cache:
	 * what the kernel and the kubelet judge against the limit
	 * @param containerGrowthBytesPerSecond the rate at which the container's memory rose
	 * at each of the last two samples at least, once it has risen at
	 * {@value ContainerClimb#STEADY_RISES} samples in a row: a steady climb; unknown
	 * before ({@link ContainerClimb})
	 * @param openFileDescriptors open file descriptors
	 * @param maxFileDescriptors the most file descriptors the process may open
	 * @param loadedClasses classes loaded now
	 */
	public record Memory(double nonHeapUsedBytes, double nonHeapCommittedBytes, double metaspaceUsedBytes,
			double metaspaceMaxBytes, double directBufferBytes, double directMemoryMaxBytes, double mappedBufferBytes,
			double residentBytes, double containerLimitBytes, double containerUsageBytes,
			double containerWorkingSetBytes, double containerGrowthBytesPerSecond, double openFileDescriptors,
			double maxFileDescriptors, double loadedClasses) {

		/**
		 * The container's memory as its limit is judged: the working set, or the usage
		 * where the working set cannot be read.
		 * @return bytes; unknown outside a control group
		 */
		public double containerUsedBytes() {
			return containerUsedBytes(this.containerWorkingSetBytes, this.containerUsageBytes);
		}

		/**
		 * The container's memory of a snapshot as its limit is judged, what its climb
		 * follows.
		 * @param snapshot the snapshot
		 * @return bytes; unknown outside a control group
		 */
		static double containerUsedBytes(RuntimeSnapshot snapshot) {
			ContainerMemory container = snapshot.container();
			return (container != null)
					? containerUsedBytes(known(container.workingSetBytes()), known(container.usageBytes()))
					: Double.NaN;
		}

		private static double containerUsedBytes(double workingSetBytes, double usageBytes) {
			return !Double.isNaN(workingSetBytes) ? workingSetBytes : usageBytes;
		}

		static Memory of(RuntimeSnapshot snapshot, ContainerClimb climb) {
			MemoryFigures memory = snapshot.memory();
			MemoryPoolFigures metaspace = (memory != null) ? memory.pool(METASPACE_POOL) : null;
			BufferFigures buffers = snapshot.buffers();
			ResidentMemory resident = snapshot.resident();
			ContainerMemory container = snapshot.container();
			ProcessFigures process = snapshot.process();
			boolean hasBuffers = buffers != null;
			boolean hasContainer = container != null;
			boolean hasProcess = process != null;
			double workingSet = hasContainer ? known(container.workingSetBytes()) : Double.NaN;
			double usage = hasContainer ? known(container.usageBytes()) : Double.NaN;
			return new Memory((memory != null) ? memory.nonHeap().used() : Double.NaN,
					(memory != null) ? memory.nonHeap().committed() : Double.NaN,
					(metaspace != null) ? metaspace.usage().used() : Double.NaN,
					(metaspace != null) ? positive(metaspace.usage().max()) : Double.NaN,
					hasBuffers ? buffers.direct().used() : Double.NaN,
					hasBuffers ? positive(buffers.maxDirect()) : Double.NaN,
					hasBuffers ? buffers.mapped().used() : Double.NaN,
					(resident != null) ? resident.bytes() : Double.NaN,
					hasContainer ? positive(container.limitBytes()) : Double.NaN, usage, workingSet,
					climb.growthBytesPerSecond(), hasProcess ? known(process.openFileDescriptors()) : Double.NaN,
					hasProcess ? positive(process.maxFileDescriptors()) : Double.NaN,
					hasProcess ? process.loadedClasses() : Double.NaN);
		}

	}

	/**
	 * Garbage collection, its pauses and the allocation that drives it.
	 *
	 * @param pauseSource where pauses come from: {@code counters} (the JVM's GC counters,
	 * nanosecond precision), {@code jfr} (Flight Recorder, nanosecond precision) or
	 * {@code notifications} (whole milliseconds); {@code null} when pauses are not
	 * recorded
	 * @param pauseSourceReason one sentence on the source and why it is the one in use,
	 * such as "pauses from Flight Recorder: Shenandoah publishes no per-pause counters";
	 * {@code null} when pauses are not recorded
	 * @param collections collections completed since pauses were first recorded
	 * @param pauses pauses since then
	 * @param averagedPauses the part of {@code pauses} timed as an even share of an exact
	 * sum, not each on its own: the GC counters time every pause unless more than two
	 * fall between two reads of them
	 * @param pauseSeconds the time those pauses took
	 * @param concurrentSeconds wall time of concurrent cycles since then
	 * @param windowPauses pauses that ended within the window, diagnostic pauses (the
	 * collection a class histogram or a heap dump runs first) left out, as from the
	 * percentiles and the overhead
	 * @param p50Seconds the median pause within the window
	 * @param p90Seconds the 90th percentile pause within the window
	 * @param p99Seconds the 99th percentile pause within the window
	 * @param maxSeconds the longest pause within the window
	 * @param lastPauseEnd when the most recent pause ended, in seconds since the epoch
	 * @param overhead share of wall time spent in pauses over the window: from the pause
	 * recorder when it runs, diagnostic pauses left out, else from the collectors'
	 * accumulated times (whole milliseconds)
	 * @param collectionsPerSecond collections completed per second over the window
	 * @param allocatedBytes bytes allocated on the heap by all threads since the JVM
	 * started
	 * @param allocationBytesPerSecond heap allocation per second since the previous
	 * sample
	 */
	public record Gc(@Nullable String pauseSource, @Nullable String pauseSourceReason, double collections,
			double pauses, double averagedPauses, double pauseSeconds, double concurrentSeconds, double windowPauses,
			double p50Seconds, double p90Seconds, double p99Seconds, double maxSeconds, double lastPauseEnd,
			double overhead, double collectionsPerSecond, double allocatedBytes, double allocationBytesPerSecond) {

		static Gc of(RuntimeSnapshot current, @Nullable RuntimeSnapshot windowStart, @Nullable RuntimeSnapshot previous,
				double windowSeconds, double sincePreviousSeconds) {
			GcPauseFigures now = current.pauses();
			GcPauseFigures then = (windowStart != null) ? windowStart.pauses() : null;
			double overhead = Double.NaN;
			double collectionsPerSecond = Double.NaN;
			if (now != null && then != null) {
				overhead = Seconds.ofNanos(perSecond(judgedPauseNanos(now), judgedPauseNanos(then), windowSeconds));
				collectionsPerSecond = perSecond(now.collections(), then.collections(), windowSeconds);
			}
			else if (windowStart != null && current.gc() != null && windowStart.gc() != null) {
				overhead = Seconds.ofMillis(
						perSecond(current.gc().pauseTimeMillis(), windowStart.gc().pauseTimeMillis(), windowSeconds));
			}
			double allocated = allocatedBytes(current);
			double allocation = (previous != null)
					? perSecond(allocated, allocatedBytes(previous), sincePreviousSeconds) : Double.NaN;
			if (now == null) {
				return new Gc(null, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
						Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, overhead, collectionsPerSecond,
						allocated, allocation);
			}
			Instant lastPauseEnd = now.lastPauseEnd();
			return new Gc(now.source(), now.sourceReason(), now.collections(), now.pauses(), now.averagedPauses(),
					Seconds.ofNanos(now.pauseNanos()), Seconds.ofNanos(now.concurrentNanos()), now.windowPauses(),
					Seconds.ofNanos(now.windowP50Nanos()), Seconds.ofNanos(now.windowP90Nanos()),
					Seconds.ofNanos(now.windowP99Nanos()), Seconds.ofNanos(now.windowMaxNanos()),
					(lastPauseEnd != null) ? Seconds.ofMillis(lastPauseEnd.toEpochMilli()) : Double.NaN, overhead,
					collectionsPerSecond, allocated, allocation);
		}

		/**
		 * Pause time less the diagnostic pauses: those of heap inspections, which the
		 * monitor or an engineer caused, not the application.
		 */
		private static long judgedPauseNanos(GcPauseFigures pauses) {
			return pauses.pauseNanos() - pauses.diagnosticPauseNanos();
		}

		private static double allocatedBytes(RuntimeSnapshot snapshot) {
			ProcessFigures process = snapshot.process();
			return (process != null) ? known(process.allocatedBytes()) : Double.NaN;
		}

	}

	/**
	 * Platform threads by {@link Thread.State}, as of the tick: the sampler's counts,
	 * each unknown when the tick could not count them.
	 */
	public static final class ThreadsByState {

		/** Threads whose states were not counted. */
		public static final ThreadsByState UNKNOWN = new ThreadsByState(null);

		private final @Nullable ThreadStates counted;

		private ThreadsByState(@Nullable ThreadStates counted) {
			this.counted = counted;
		}

		static ThreadsByState of(RuntimeSnapshot snapshot) {
			ThreadStates counted = snapshot.threadStates();
			return (counted != null) ? new ThreadsByState(counted) : UNKNOWN;
		}

		/**
		 * The threads in one state.
		 * @param state the state
		 * @return how many threads were in it, {@code NaN} when unknown
		 */
		public double count(Thread.State state) {
			return (this.counted != null) ? this.counted.count(state) : Double.NaN;
		}

	}

	/**
	 * The process's CPU time.
	 *
	 * @param processNanos CPU time the process has used since it started, in the
	 * nanoseconds the JVM counts (exact: a meter in nanoseconds publishes it unconverted)
	 * @param processSecondsPerSecond CPU time it used per second of wall time since the
	 * previous sample, all processors together
	 */
	public record Cpu(double processNanos, double processSecondsPerSecond) {

		static Cpu of(RuntimeSnapshot current, @Nullable RuntimeSnapshot previous) {
			double now = cpuNanos(current);
			double then = (previous != null) ? cpuNanos(previous) : Double.NaN;
			long wallNanos = (previous != null) ? current.monotonicNanos() - previous.monotonicNanos() : 0;
			return new Cpu(now, (wallNanos > 0) ? (now - then) / wallNanos : Double.NaN);
		}

		private static double cpuNanos(RuntimeSnapshot snapshot) {
			ProcessFigures process = snapshot.process();
			return (process != null) ? known(process.cpuTimeNanos()) : Double.NaN;
		}

	}

	/**
	 * One garbage collector as the JVM's management bean reports it.
	 *
	 * @param name the collector's name ({@code G1 Young Generation}, {@code ZGC Minor
	 * Pauses}, ...)
	 * @param collections collections since the JVM started
	 * @param seconds accumulated collection time, in whole milliseconds
	 * @param concurrent whether the time is that of concurrent cycles rather than pauses
	 */
	public record Collector(String name, double collections, double seconds, boolean concurrent) {

		static Collector of(CollectorFigures collector) {
			return new Collector(collector.name(), known(collector.count()),
					Seconds.ofMillis(known(collector.timeMillis())), collector.concurrent());
		}

	}

	/**
	 * The GC pauses of one cause within the window.
	 *
	 * @param cause why their collections ran, as the JVM names it: {@code G1 Evacuation
	 * Pause}, {@code Allocation Failure}, {@code System.gc()}, ...
	 * @param pauses pauses within the window
	 * @param seconds the time they took
	 * @param maxSeconds the longest of them
	 * @param diagnostic whether the collections ran for a heap inspection (a class
	 * histogram or a heap dump); such pauses are left out of the percentiles and the
	 * overhead
	 */
	public record PauseCause(String cause, double pauses, double seconds, double maxSeconds, boolean diagnostic) {

	}

	/**
	 * The figures of the JVM's settings, read once at start-up, flattened as the
	 * snapshot's are: unknown, or not set for this collector, is {@code NaN}. Times keep
	 * the flags' own unit.
	 *
	 * @param memoryBytes memory the JVM sees (a container's limit included)
	 * @param heapMaxBytes the maximum heap ({@code MaxHeapSize})
	 * @param maxRamPercentage the share of memory the heap may take when no maximum is
	 * set ({@code MaxRAMPercentage})
	 * @param softMaxHeapBytes the soft maximum the collector tries to stay under
	 * ({@code SoftMaxHeapSize})
	 * @param pauseGoalMillis G1's pause-time goal ({@code MaxGCPauseMillis}); unknown for
	 * the collectors without one
	 * @param periodicGcIntervalMillis G1's {@code G1PeriodicGCInterval}, 0 when off;
	 * unknown for the other collectors
	 */
	public record Settings(double memoryBytes, double heapMaxBytes, double maxRamPercentage, double softMaxHeapBytes,
			double pauseGoalMillis, double periodicGcIntervalMillis) {

		/**
		 * The figures of the JVM's settings.
		 * @param jvm the settings read at start-up
		 * @return the figures
		 */
		public static Settings of(JvmSettings jvm) {
			GcChoice gc = jvm.gc();
			HeapSizing heap = jvm.heap();
			return new Settings(positive(jvm.physicalMemoryBytes()), positive(heap.maxBytes()), heap.maxRamPercentage(),
					known(heap.softMaxBytes()), gc.hasPauseGoal() ? gc.pauseGoalMillis() : Double.NaN,
					known(gc.periodicGcIntervalMillis()));
		}

	}

}
