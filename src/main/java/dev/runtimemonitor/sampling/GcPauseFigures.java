package dev.runtimemonitor.sampling;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * GC pauses as the pause recorder saw them: running totals since it started, and
 * percentiles and causes over the window. The window's count and percentiles leave out
 * diagnostic pauses (the collection a class histogram or a heap dump runs first, with the
 * cause {@code Heap Inspection Initiated GC} or {@code Heap Dump Initiated GC}): they
 * stop the application, and the totals and the causes count them, but a heap inspection
 * caused them, the monitor's or an engineer's, not the application, so the checks judge
 * the application without them.
 *
 * @param source where pauses come from: {@code counters} (the JVM's GC counters,
 * nanosecond precision), {@code jfr} (Flight Recorder, nanosecond precision) or
 * {@code notifications} (whole milliseconds)
 * @param sourceReason one sentence on the source and why it is the one in use, such as
 * "pauses from Flight Recorder: Shenandoah publishes no per-pause counters"
 * @param collections collections completed since the recorder started
 * @param pauses pauses since the recorder started
 * @param averagedPauses the part of {@code pauses} whose durations are an average: the GC
 * counters time each pause exactly unless more than two fell between two reads, and then
 * the earlier ones share their exact sum
 * @param pauseNanos total pause time since the recorder started
 * @param diagnosticPauseNanos the part of {@code pauseNanos} in diagnostic pauses
 * @param concurrentNanos total wall time of concurrent cycles since the recorder started
 * @param windowPauses pauses that ended within the window, diagnostic ones left out
 * @param windowP50Nanos the median pause within the window, 0 without pauses
 * @param windowP90Nanos the 90th percentile pause within the window
 * @param windowP99Nanos the 99th percentile pause within the window
 * @param windowMaxNanos the longest pause within the window
 * @param lastPauseEnd when the most recent pause ended, or {@code null} before the first
 * @param windowCauses the pauses within the window by cause, diagnostic ones included,
 * the most pause time first
 */
public record GcPauseFigures(String source, String sourceReason, long collections, long pauses, long averagedPauses,
		long pauseNanos, long diagnosticPauseNanos, long concurrentNanos, int windowPauses, long windowP50Nanos,
		long windowP90Nanos, long windowP99Nanos, long windowMaxNanos, @Nullable Instant lastPauseEnd,
		List<GcPauseCause> windowCauses) {

	public GcPauseFigures {
		windowCauses = List.copyOf(windowCauses);
	}

}
