package dev.runtimemonitor.publishing.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.evaluation.Rates;
import dev.runtimemonitor.publishing.CheckValues;
import dev.runtimemonitor.publishing.report.advice.AdviceLimits;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseFigures;
import org.jspecify.annotations.Nullable;

/**
 * GC pauses and overhead: the Go original's pause distribution and {@code GCCPUFraction}.
 * Durations in seconds.
 *
 * @param collector the collector in use
 * @param pauseSource where pauses come from: {@code jfr} or {@code notifications};
 * {@code null} when pauses are not recorded
 * @param window the span of the window figures
 * @param windowPauses pauses within the window
 * @param p50 the median pause within the window
 * @param p90 the 90th percentile pause
 * @param p99 the 99th percentile pause
 * @param max the longest pause
 * @param pauseGoal the pause goal the p99 is judged against, {@code null} when none
 * @param pauseGoalSource where the goal comes from
 * @param overhead share of wall time in pauses over the window
 * @param collectionsPerSecond collections per second over the window
 * @param allocationBytesPerSecond heap allocation per second
 * @param pauses pauses since the recorder started
 * @param pauseTotal pause time since the recorder started
 * @param concurrentTotal wall time of concurrent cycles since the recorder started
 * @param lastPauseEnd when the last pause ended
 * @param collectors each collector bean's count and accumulated time
 */
public record GcReport(String collector, @Nullable String pauseSource, String window, @Nullable Integer windowPauses,
		@Nullable Double p50, @Nullable Double p90, @Nullable Double p99, @Nullable Double max,
		@Nullable Double pauseGoal, String pauseGoalSource, @Nullable Double overhead,
		@Nullable Double collectionsPerSecond, @Nullable Double allocationBytesPerSecond, @Nullable Long pauses,
		@Nullable Double pauseTotal, @Nullable Double concurrentTotal, @Nullable Instant lastPauseEnd,
		List<CollectorFigures> collectors) {

	private static final double NANOS_PER_SECOND = 1e9;

	/**
	 * The GC report of one evaluation.
	 * @param collector the collector in use
	 * @param pauses the pause figures, or {@code null} when not recorded
	 * @param gc the collector beans' figures, or {@code null} when unknown
	 * @param rates the window rates
	 * @param window the span of the window
	 * @param limits the pause goal
	 * @return the report
	 */
	public static GcReport of(String collector, @Nullable GcPauseFigures pauses, @Nullable GcFigures gc, Rates rates,
			Duration window, AdviceLimits limits) {
		boolean recorded = pauses != null;
		return new GcReport(collector, recorded ? pauses.source() : null, CheckValues.duration(window),
				recorded ? pauses.windowPauses() : null, recorded ? seconds(pauses.windowP50Nanos()) : null,
				recorded ? seconds(pauses.windowP90Nanos()) : null, recorded ? seconds(pauses.windowP99Nanos()) : null,
				recorded ? seconds(pauses.windowMaxNanos()) : null, known(limits.pauseGoalSeconds()),
				limits.pauseGoalSource(), known(rates.gcPauseShare()), known(rates.collectionsPerSecond()),
				known(rates.allocatedBytesPerSecond()), recorded ? pauses.pauses() : null,
				recorded ? seconds(pauses.pauseNanos()) : null, recorded ? seconds(pauses.concurrentNanos()) : null,
				recorded ? pauses.lastPauseEnd() : null, (gc != null) ? gc.collectors() : List.of());
	}

	private static double seconds(long nanos) {
		return nanos / NANOS_PER_SECOND;
	}

	private static @Nullable Double known(double value) {
		return Double.isNaN(value) ? null : value;
	}

}
