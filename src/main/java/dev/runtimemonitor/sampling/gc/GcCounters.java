package dev.runtimemonitor.sampling.gc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import dev.runtimemonitor.sampling.CollectorFigures;

/**
 * The pause counters HotSpot keeps for each collector ({@code sun.gc.collector.<k>}),
 * each paired with the GC bean that notifies of the same pauses: the bean's collection
 * number is the counter's invocation count. The collector writes all four counters inside
 * every stop-the-world pause: how many pauses, their total time, and when the latest
 * began and ended, in ticks of {@code sun.os.hrt.frequency}.
 * <p>
 * Collectors are paired by the counter's name, not its index, which differs between
 * collectors and could move between JDK releases; the names are the same on JDK 17 and
 * 25. A JVM whose pause beans do not all have a counter (Shenandoah's one counter adds up
 * every concurrent phase too) has no usable counters.
 */
final class GcCounters {

	/** The most collectors HotSpot numbers; G1 uses three. */
	private static final int MAX_COLLECTORS = 8;

	private static final int FIELDS = 4;

	/**
	 * The bean each counter's pauses are notified by, the collection as Flight Recorder
	 * names it (so the pause histogram's labels do not change with the source), and what
	 * those pauses are when no notification says.
	 */
	private static final Map<String, Pairing> PAIRINGS = Map.ofEntries(
			Map.entry("G1 young collection pauses", new Pairing("G1 Young Generation", "G1New", "young")),
			Map.entry("G1 full collection pauses", new Pairing("G1 Old Generation", "G1Full", "full")),
			// JDK 17 has the counter but not the bean: its remarks and cleanups are found
			// by the sampler's tick, without a cause.
			Map.entry("G1 concurrent cycle pauses", new Pairing("G1 Concurrent GC", "G1Old", "remark-or-cleanup")),
			Map.entry("Parallel young collection pauses", new Pairing("PS Scavenge", "ParallelScavenge", "young")),
			Map.entry("Parallel full collection pauses", new Pairing("PS MarkSweep", "ParallelOld", "full")),
			Map.entry("Serial young collection pauses", new Pairing("Copy", "DefNew", "young")),
			Map.entry("Serial full collection pauses", new Pairing("MarkSweepCompact", "SerialOld", "full")),
			Map.entry("ZGC minor collection pauses", new Pairing("ZGC Minor Pauses", "ZGC Minor", "pause")),
			Map.entry("ZGC major collection pauses", new Pairing("ZGC Major Pauses", "ZGC Major", "pause")),
			Map.entry("Z concurrent cycle pauses", new Pairing("ZGC Pauses", "Z", "pause")));

	private final PerfCounters counters;

	private final IntToLongFunction reads;

	private final Pairing[] pairings;

	/** Per collector: the offsets of invocations, time, last entry and last exit. */
	private final int[] offsets;

	private final double nanosPerTick;

	private final Instant clockStart;

	private GcCounters(PerfCounters counters, List<Pairing> pairings, int[] offsets, double nanosPerTick,
			Instant clockStart, IntToLongFunction reads) {
		this.counters = counters;
		this.reads = reads;
		this.pairings = pairings.toArray(Pairing[]::new);
		this.offsets = offsets;
		this.nanosPerTick = nanosPerTick;
		this.clockStart = clockStart;
	}

	/**
	 * Pair this JVM's pause counters with its GC beans.
	 * @param counters the JVM's performance counters
	 * @param beanNames the names of the JVM's GC beans
	 * @return the paired counters
	 * @throws IllegalStateException when a bean that notifies of pauses has no counter,
	 * saying which
	 */
	static GcCounters of(PerfCounters counters, List<String> beanNames) {
		long frequency = readLong(counters, "sun.os.hrt.frequency");
		if (frequency <= 0) {
			throw new IllegalStateException("the JVM's performance counters have no tick frequency");
		}
		List<Pairing> paired = new ArrayList<>();
		List<Integer> offsets = new ArrayList<>();
		for (int k = 0; k < MAX_COLLECTORS; k++) {
			String prefix = "sun.gc.collector." + k + ".";
			String name = counters.text(prefix + "name");
			Pairing pairing = (name != null) ? PAIRINGS.get(name) : null;
			if (pairing == null) {
				continue;
			}
			int[] fields = { counters.offsetOf(prefix + "invocations"), counters.offsetOf(prefix + "time"),
					counters.offsetOf(prefix + "lastEntryTime"), counters.offsetOf(prefix + "lastExitTime") };
			for (int field : fields) {
				if (field < 0) {
					throw new IllegalStateException("the counters of '" + name + "' are incomplete");
				}
				offsets.add(field);
			}
			paired.add(pairing);
		}
		for (String bean : beanNames) {
			if (!CollectorFigures.isConcurrent(bean)
					&& paired.stream().noneMatch((pairing) -> pairing.bean().equals(bean))) {
				throw new IllegalStateException(collectorOf(bean) + " publishes no per-pause counters");
			}
		}
		// The ticks count from early in the JVM's creation, which began at this time
		// (to the millisecond).
		long clockStartMillis = readLong(counters, "sun.rt.createVmBeginTime");
		if (clockStartMillis <= 0) {
			throw new IllegalStateException("the JVM's performance counters have no creation time");
		}
		return new GcCounters(counters, paired, offsets.stream().mapToInt(Integer::intValue).toArray(), 1e9 / frequency,
				Instant.ofEpochMilli(clockStartMillis), counters::read);
	}

	/**
	 * The same counters, read through a function a test controls: one that lets a pause
	 * pass between two reads.
	 * @param reads reads the long at an offset of the counters
	 * @return the counters, read that way
	 */
	GcCounters readThrough(IntToLongFunction reads) {
		return new GcCounters(this.counters, List.of(this.pairings), this.offsets, this.nanosPerTick, this.clockStart,
				reads);
	}

	private static long readLong(PerfCounters counters, String name) {
		int offset = counters.offsetOf(name);
		return (offset >= 0) ? counters.read(offset) : -1;
	}

	/**
	 * The collector a bean belongs to, as a person names it: {@code Shenandoah} for
	 * {@code Shenandoah Pauses}.
	 */
	private static String collectorOf(String bean) {
		int space = bean.indexOf(' ');
		return (space > 0) ? bean.substring(0, space) : bean;
	}

	/**
	 * How many collectors are paired.
	 * @return the count
	 */
	int size() {
		return this.pairings.length;
	}

	/**
	 * The collector whose pauses a bean notifies of.
	 * @param bean the bean's name
	 * @return the collector's index here, or -1 when no counter is paired with the bean
	 */
	int collectorNotifiedBy(String bean) {
		for (int i = 0; i < this.pairings.length; i++) {
			if (this.pairings[i].bean().equals(bean)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The bean that notifies of a collector's pauses.
	 * @param collector the collector's index here
	 * @return the bean's name
	 */
	String bean(int collector) {
		return this.pairings[collector].bean();
	}

	/**
	 * The collection a collector's pauses belong to, as Flight Recorder names it:
	 * {@code G1New}, {@code ParallelOld}, {@code ZGC Major}, ...
	 * @param collector the collector's index here
	 * @return the collection's name
	 */
	String collection(int collector) {
		return this.pairings[collector].collection();
	}

	/**
	 * What a collector's pauses are when no notification said: {@code young},
	 * {@code full}, ...
	 * @param collector the collector's index here
	 * @return the kind
	 */
	String kind(int collector) {
		return this.pairings[collector].kind();
	}

	/**
	 * When a time the counters read happened.
	 * @param nanos a time from {@link #read(long[])}
	 * @return the instant, to the millisecond of the JVM's creation
	 */
	Instant instantOf(long nanos) {
		return this.clockStart.plusNanos(nanos);
	}

	/**
	 * Where the counters are read from, for the log.
	 * @return the file or memory
	 */
	String origin() {
		return this.counters.origin();
	}

	/**
	 * Read every collector's counters as one consistent state: read them all, then read
	 * the invocation counts again and start over if any moved. The counters change only
	 * inside a pause, and a pause stops this thread, so equal counts mean no pause fell
	 * between the reads; each retry needs a whole pause to have passed, so this ends.
	 * @param into per collector, its invocations, time, last entry and last exit, times
	 * in nanoseconds
	 */
	void read(long[] into) {
		boolean moved = true;
		while (moved) {
			for (int i = 0; i < this.offsets.length; i++) {
				into[i] = this.reads.applyAsLong(this.offsets[i]);
			}
			moved = false;
			for (int i = 0; i < this.offsets.length; i += FIELDS) {
				moved |= this.reads.applyAsLong(this.offsets[i]) != into[i];
			}
		}
		if (this.nanosPerTick != 1) {
			for (int i = 0; i < this.offsets.length; i++) {
				if (i % FIELDS != 0) {
					into[i] = Math.round(into[i] * this.nanosPerTick);
				}
			}
		}
	}

	/**
	 * How many values {@link #read(long[])} writes.
	 * @return four per collector
	 */
	int width() {
		return this.offsets.length;
	}

	private record Pairing(String bean, String collection, String kind) {
	}

}
