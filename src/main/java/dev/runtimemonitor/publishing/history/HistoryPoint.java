package dev.runtimemonitor.publishing.history;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Readings;
import org.jspecify.annotations.Nullable;

/**
 * One tick, compact: the readings the dashboard charts and every check's level, all in
 * primitive fields (128 bytes with compressed references) instead of the whole
 * evaluation. Unknown figures are {@code NaN}, as in the readings.
 *
 * @param epochMillis when the snapshot was taken, in milliseconds since the epoch
 * @param threads live platform threads (a float holds every count up to 16 million
 * exactly)
 * @param heapUsedBytes heap in use
 * @param heapCommittedBytes heap committed
 * @param heapMaxBytes the maximum heap
 * @param heapUsedAfterGcBytes heap in use right after the last collection
 * @param gcP50Seconds the median pause within the window
 * @param gcP90Seconds the 90th percentile pause
 * @param gcP99Seconds the 99th percentile pause
 * @param gcMaxSeconds the longest pause
 * @param gcOverhead share of wall time in pauses over the window
 * @param allocationBytesPerSecond heap allocation per second
 * @param residentBytes resident memory of the process
 * @param containerLimitBytes the container's memory limit
 * @param levels every check's level, packed by {@link CheckLevels}
 */
public record HistoryPoint(long epochMillis, float threads, double heapUsedBytes, double heapCommittedBytes,
		double heapMaxBytes, double heapUsedAfterGcBytes, double gcP50Seconds, double gcP90Seconds, double gcP99Seconds,
		double gcMaxSeconds, double gcOverhead, double allocationBytesPerSecond, double residentBytes,
		double containerLimitBytes, long levels) {

	/**
	 * The point of one evaluation.
	 * @param evaluation the evaluation
	 * @return its point
	 */
	public static HistoryPoint of(Evaluation evaluation) {
		Readings readings = evaluation.readings();
		Readings.Heap heap = readings.heap();
		Readings.Gc gc = readings.gc();
		return new HistoryPoint(evaluation.time().toEpochMilli(), (float) readings.threads().live(), heap.usedBytes(),
				heap.committedBytes(), heap.maxBytes(), heap.usedAfterGcBytes(), gc.p50Seconds(), gc.p90Seconds(),
				gc.p99Seconds(), gc.maxSeconds(), gc.overhead(), gc.allocationBytesPerSecond(),
				readings.memory().residentBytes(), readings.memory().containerLimitBytes(),
				CheckLevels.pack(evaluation.results()));
	}

	/**
	 * The level one check had at this point.
	 * @param check the check
	 * @return its level, or {@code null} when the check is not evaluated
	 */
	public @Nullable Level level(Check check) {
		return CheckLevels.unpack(this.levels, check);
	}

}
