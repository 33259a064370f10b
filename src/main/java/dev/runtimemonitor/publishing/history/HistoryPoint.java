package dev.runtimemonitor.publishing.history;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Rates;
import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.ResidentMemory;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadFigures;
import org.jspecify.annotations.Nullable;

/**
 * One tick, compact: the figures the dashboard charts and every check's level, all in
 * primitive fields (128 bytes with compressed references) instead of the whole snapshot.
 * Unknown figures are {@code -1} (counts, bytes, nanoseconds) or {@code NaN} (rates).
 *
 * @param epochMillis when the snapshot was taken
 * @param threads live platform threads
 * @param heapUsed heap in use
 * @param heapCommitted heap committed
 * @param heapMax the maximum heap
 * @param heapAfterGc heap in use right after the last collection
 * @param gcP50Nanos the median pause within the window
 * @param gcP90Nanos the 90th percentile pause
 * @param gcP99Nanos the 99th percentile pause
 * @param gcMaxNanos the longest pause
 * @param gcOverhead share of wall time in pauses over the window
 * @param allocationBytesPerSecond heap allocation per second
 * @param residentBytes resident memory of the process
 * @param containerLimitBytes the container's memory limit
 * @param levels every check's level, packed by {@link CheckLevels}
 */
public record HistoryPoint(long epochMillis, int threads, long heapUsed, long heapCommitted, long heapMax,
		long heapAfterGc, long gcP50Nanos, long gcP90Nanos, long gcP99Nanos, long gcMaxNanos, double gcOverhead,
		double allocationBytesPerSecond, long residentBytes, long containerLimitBytes, long levels) {

	/**
	 * The point of one evaluation.
	 * @param evaluation the evaluation
	 * @return its point
	 */
	public static HistoryPoint of(Evaluation evaluation) {
		RuntimeSnapshot snapshot = evaluation.snapshot();
		ThreadFigures threads = snapshot.threads();
		MemoryFigures memory = snapshot.memory();
		GcFigures gc = snapshot.gc();
		GcPauseFigures pauses = snapshot.pauses();
		ResidentMemory resident = snapshot.resident();
		ContainerMemory container = snapshot.container();
		Rates rates = evaluation.rates();
		boolean heapKnown = memory != null;
		boolean pausesKnown = pauses != null;
		return new HistoryPoint(snapshot.time().toEpochMilli(), (threads != null) ? threads.live() : -1,
				heapKnown ? memory.heap().used() : -1, heapKnown ? memory.heap().committed() : -1,
				heapKnown ? memory.heap().max() : -1, (gc != null) ? gc.heapUsedAfterGc() : -1,
				pausesKnown ? pauses.windowP50Nanos() : -1, pausesKnown ? pauses.windowP90Nanos() : -1,
				pausesKnown ? pauses.windowP99Nanos() : -1, pausesKnown ? pauses.windowMaxNanos() : -1,
				rates.gcPauseShare(), rates.allocatedBytesPerSecond(), (resident != null) ? resident.bytes() : -1,
				(container != null && container.hasLimit()) ? container.limitBytes() : -1,
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
