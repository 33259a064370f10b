package dev.runtimemonitor.sampling;

import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Heap, non-heap and every memory pool, from beans looked up once. Pool names are read
 * once too; each tick keeps only the usages. It also notes the old generation's usage at
 * each tick where it dropped, which is where the live set shows (see
 * {@link LiveSetPoints}), except across the monitor's own heap inspections and for a
 * minute after them (see {@link HeapInspections}); each point carries the count of heap
 * inspections so far. Not thread-safe: only the sampling thread reads it.
 */
final class MemorySource implements SampleSource<MemoryFigures> {

	/**
	 * Live-set points kept. With at most one a minute, at least the half hour the trend
	 * reads; more on a quiet service.
	 */
	static final int LIVE_SET_CAPACITY = 32;

	/**
	 * At most one live-set point per minute of the clock, the lowest. G1 near its marking
	 * threshold reclaims old regions every few seconds, and a point each time would fill
	 * the capacity within minutes: the points would never span the fifteen minutes the
	 * trend needs.
	 */
	static final long LIVE_SET_SPACING_MILLIS = 60_000;

	private final LongSupplier epochMillis;

	private final HeapInspections inspections;

	private long inspectionsSeen;

	/**
	 * When a heap inspection was last seen to begin or end. Drops of the old generation
	 * make no point for one spacing after it: its full collection takes the garbage G1's
	 * mixed collections leave, and the first drops after it are still far below their
	 * floor (in a G1 run with a leak, 12 MiB below it at the first drop after). Later
	 * points may still stand lower than those before the inspection, so they carry a
	 * higher count of heap inspections, which the trend measures apart.
	 */
	private long inspectedAt = Long.MIN_VALUE / 2;

	private final boolean[] old;

	private long previousOld = -1;

	private LiveSetPoints liveSet = LiveSetPoints.NONE;

	private final MemoryMXBean memory;

	private final MemoryPoolMXBean[] pools;

	private final String[] names;

	private final boolean[] heap;

	MemorySource(MemoryMXBean memory, List<MemoryPoolMXBean> pools, LongSupplier epochMillis,
			HeapInspections inspections) {
		this.memory = memory;
		this.epochMillis = epochMillis;
		this.inspections = inspections;
		this.inspectionsSeen = inspections.count();
		this.pools = pools.toArray(new MemoryPoolMXBean[0]);
		this.names = new String[this.pools.length];
		this.heap = new boolean[this.pools.length];
		this.old = new boolean[this.pools.length];
		for (int i = 0; i < this.pools.length; i++) {
			this.names[i] = this.pools[i].getName();
			this.heap[i] = this.pools[i].getType() == MemoryType.HEAP;
			this.old[i] = this.heap[i] && !isYoung(this.names[i]);
		}
	}

	/**
	 * Whether a heap pool holds young objects: eden, survivors, ZGC's young generation.
	 * Every other heap pool (an old generation, or Shenandoah's single heap) holds what
	 * survived.
	 */
	static boolean isYoung(String pool) {
		return pool.contains("Eden") || pool.contains("Survivor") || pool.contains("Young");
	}

	@Override
	public String name() {
		return "memory";
	}

	@Override
	public MemoryFigures read() {
		MemoryUsage[] usages = new MemoryUsage[this.pools.length];
		long oldUsed = 0;
		for (int i = 0; i < this.pools.length; i++) {
			usages[i] = this.pools[i].getUsage();
			if (usages[i] == null) {
				throw new IllegalStateException("Memory pool '" + this.names[i] + "' is no longer valid");
			}
			if (this.old[i]) {
				oldUsed += usages[i].getUsed();
			}
		}
		long inspected = this.inspections.count();
		if (inspected != this.inspectionsSeen) {
			this.inspectionsSeen = inspected;
			this.inspectedAt = this.epochMillis.getAsLong();
		}
		else if (oldUsed < this.previousOld) {
			long now = this.epochMillis.getAsLong();
			if (now - this.inspectedAt >= LIVE_SET_SPACING_MILLIS) {
				this.liveSet = this.liveSet.plus(now, oldUsed, inspected, LIVE_SET_SPACING_MILLIS, LIVE_SET_CAPACITY);
			}
		}
		this.previousOld = oldUsed;
		return new MemoryFigures(MemoryArea.of(this.memory.getHeapMemoryUsage()),
				MemoryArea.of(this.memory.getNonHeapMemoryUsage()), new PoolUsages(this.names, this.heap, usages),
				this.liveSet);
	}

}
