package dev.runtimemonitor.sampling;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.management.GcInfo;
import org.jspecify.annotations.Nullable;

/**
 * Collector counts and times, and the heap in use right after the most recent collection.
 * <p>
 * The pools' own "collection usage" is no good for the latter: generational collectors
 * update the old generation's figure only after a full or mixed collection, so after
 * young collections it stays at zero while the old generation fills. The last
 * collection's {@link GcInfo} has the usage of every pool; it is read only for collectors
 * whose count moved since the previous tick, and never again for collectors that report
 * no usage at all (the pause beans of ZGC and Shenandoah).
 */
final class GcSource implements SampleSource<GcFigures> {

	private final List<GarbageCollectorMXBean> collectors;

	private final String[] names;

	private final boolean[] concurrent;

	private final Set<String> heapPools;

	private final long[] lastCounts;

	private final boolean[] reportsUsage;

	private long heapUsedAfterGc = -1;

	private final long[] lastTimes;

	private @Nullable GcFigures last;

	private long lastGcEnd = -1;

	GcSource(List<GarbageCollectorMXBean> collectors, Set<String> heapPools) {
		this.collectors = List.copyOf(collectors);
		this.heapPools = Set.copyOf(heapPools);
		this.lastCounts = new long[collectors.size()];
		this.lastTimes = new long[collectors.size()];
		this.reportsUsage = new boolean[collectors.size()];
		this.names = new String[collectors.size()];
		this.concurrent = new boolean[collectors.size()];
		for (int i = 0; i < collectors.size(); i++) {
			this.reportsUsage[i] = collectors.get(i) instanceof com.sun.management.GarbageCollectorMXBean;
			this.names[i] = collectors.get(i).getName();
			this.concurrent[i] = CollectorFigures.isConcurrent(this.names[i]);
		}
	}

	@Override
	public String name() {
		return "gc";
	}

	/**
	 * Read the collectors. While no collector ran since the previous read, the previous
	 * figures are returned as they are: they are immutable, and a quiet service then
	 * allocates nothing here.
	 */
	@Override
	public GcFigures read() {
		boolean changed = this.last == null;
		for (int i = 0; i < this.collectors.size(); i++) {
			GarbageCollectorMXBean collector = this.collectors.get(i);
			long count = collector.getCollectionCount();
			long time = collector.getCollectionTime();
			if (count != this.lastCounts[i] || time != this.lastTimes[i]) {
				changed = true;
				if (count != this.lastCounts[i] && this.reportsUsage[i]) {
					readLastCollection(i, (com.sun.management.GarbageCollectorMXBean) collector);
				}
				this.lastCounts[i] = count;
				this.lastTimes[i] = time;
			}
		}
		GcFigures last = this.last;
		if (!changed && last != null) {
			return last;
		}
		long[] countsAndTimes = new long[2 * this.collectors.size()];
		for (int i = 0; i < this.collectors.size(); i++) {
			countsAndTimes[2 * i] = this.lastCounts[i];
			countsAndTimes[2 * i + 1] = this.lastTimes[i];
		}
		GcFigures figures = new GcFigures(new CollectorList(this.names, this.concurrent, countsAndTimes),
				this.heapUsedAfterGc);
		this.last = figures;
		return figures;
	}

	private void readLastCollection(int index, com.sun.management.GarbageCollectorMXBean collector) {
		GcInfo info = collector.getLastGcInfo();
		if (info == null) {
			return;
		}
		long before = heapUsed(info.getMemoryUsageBeforeGc());
		long after = heapUsed(info.getMemoryUsageAfterGc());
		if (before == 0 && after == 0) {
			this.reportsUsage[index] = false;
			return;
		}
		if (info.getEndTime() >= this.lastGcEnd) {
			this.lastGcEnd = info.getEndTime();
			this.heapUsedAfterGc = after;
		}
	}

	private long heapUsed(Map<String, MemoryUsage> usageByPool) {
		long used = 0;
		for (Map.Entry<String, MemoryUsage> entry : usageByPool.entrySet()) {
			if (this.heapPools.contains(entry.getKey())) {
				used += entry.getValue().getUsed();
			}
		}
		return used;
	}

}
