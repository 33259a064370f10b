package dev.runtimemonitor.evaluation;

import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.ProcessFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadFigures;
import org.jspecify.annotations.Nullable;

/**
 * Figures that need two snapshots. {@code NaN} where a figure is unknown.
 *
 * @param threadGrowthPerSecond net live-thread growth per second over the window
 * @param gcPauseShare share of wall time spent in collection pauses over the window: from
 * the pause recorder when it runs, else from the collectors' accumulated times (whole
 * milliseconds)
 * @param collectionsPerSecond garbage collections completed per second over the window
 * @param allocatedBytesPerSecond heap allocation per second since the previous sample
 */
public record Rates(double threadGrowthPerSecond, double gcPauseShare, double collectionsPerSecond,
		double allocatedBytesPerSecond) {

	private static final double NANOS_PER_SECOND = 1e9;

	private static final double NANOS_PER_MILLI = 1e6;

	/** Rates when nothing can be compared yet. */
	public static final Rates UNKNOWN = new Rates(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	/**
	 * Compute the rates of a snapshot.
	 * @param current the snapshot just taken
	 * @param previous the snapshot before it, or {@code null}
	 * @param windowStart the oldest snapshot within the window, or {@code null}
	 * @param minimumSpanNanos the shortest span window rates are computed over; shorter
	 * spans, right after start, give unknown rates rather than noise
	 * @return the rates
	 */
	static Rates of(RuntimeSnapshot current, @Nullable RuntimeSnapshot previous, @Nullable RuntimeSnapshot windowStart,
			long minimumSpanNanos) {
		double threadGrowth = Double.NaN;
		double gcShare = Double.NaN;
		double collections = Double.NaN;
		if (windowStart != null && current.monotonicNanos() - windowStart.monotonicNanos() >= minimumSpanNanos) {
			long span = current.monotonicNanos() - windowStart.monotonicNanos();
			threadGrowth = threadGrowth(current.threads(), windowStart.threads(), span);
			GcPauseFigures pausesNow = current.pauses();
			GcPauseFigures pausesThen = windowStart.pauses();
			if (pausesNow != null && pausesThen != null) {
				gcShare = Math.max(0, pausesNow.pauseNanos() - pausesThen.pauseNanos()) / (double) span;
				collections = Math.max(0, pausesNow.collections() - pausesThen.collections()) * NANOS_PER_SECOND / span;
			}
			else {
				gcShare = gcShare(current.gc(), windowStart.gc(), span);
			}
		}
		double allocation = (previous != null) ? allocationRate(current, previous) : Double.NaN;
		return new Rates(threadGrowth, gcShare, collections, allocation);
	}

	private static double threadGrowth(@Nullable ThreadFigures now, @Nullable ThreadFigures then, long spanNanos) {
		if (now == null || then == null || spanNanos <= 0) {
			return Double.NaN;
		}
		return (now.live() - then.live()) * NANOS_PER_SECOND / spanNanos;
	}

	private static double gcShare(@Nullable GcFigures now, @Nullable GcFigures then, long spanNanos) {
		if (now == null || then == null || spanNanos <= 0) {
			return Double.NaN;
		}
		long pausedMillis = now.pauseTimeMillis() - then.pauseTimeMillis();
		return Math.max(0, pausedMillis) * NANOS_PER_MILLI / spanNanos;
	}

	private static double allocationRate(RuntimeSnapshot current, RuntimeSnapshot previous) {
		ProcessFigures now = current.process();
		ProcessFigures then = previous.process();
		long span = current.monotonicNanos() - previous.monotonicNanos();
		if (now == null || then == null || now.allocatedBytes() < 0 || then.allocatedBytes() < 0 || span <= 0) {
			return Double.NaN;
		}
		return Math.max(0, now.allocatedBytes() - then.allocatedBytes()) * NANOS_PER_SECOND / span;
	}

}
