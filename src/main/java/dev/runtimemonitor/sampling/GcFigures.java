package dev.runtimemonitor.sampling;

import java.util.List;

/**
 * Garbage collection since the JVM started.
 *
 * @param collectors each collector
 * @param heapUsedAfterGc heap bytes in use right after the most recent collection that
 * reports memory usage, or {@code -1} before the first one
 */
public record GcFigures(List<CollectorFigures> collectors, long heapUsedAfterGc) {

	/**
	 * Milliseconds the application stood still in collections, over all collectors that
	 * report pauses.
	 * @return the accumulated pause time
	 */
	public long pauseTimeMillis() {
		if (this.collectors instanceof CollectorList list) {
			return list.pauseTimeMillis();
		}
		long total = 0;
		for (CollectorFigures collector : this.collectors) {
			if (!collector.concurrent()) {
				total += collector.timeMillis();
			}
		}
		return total;
	}

	/**
	 * Whether the heap use after a collection is known.
	 * @return {@code false} before the first collection
	 */
	public boolean hasHeapUsedAfterGc() {
		return this.heapUsedAfterGc >= 0;
	}

}
