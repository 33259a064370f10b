package dev.runtimemonitor.sampling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * GC pauses as the pause recorder saw them: running totals since it started, and
 * percentiles over the window.
 *
 * @param source where pauses come from: {@code jfr} (nanosecond precision) or
 * {@code notifications} (whole milliseconds)
 * @param collections collections completed since the recorder started
 * @param pauses pauses since the recorder started
 * @param pauseNanos total pause time since the recorder started
 * @param concurrentNanos total wall time of concurrent cycles since the recorder started
 * @param windowPauses pauses that ended within the window
 * @param windowP50Nanos the median pause within the window, 0 without pauses
 * @param windowP90Nanos the 90th percentile pause within the window
 * @param windowP99Nanos the 99th percentile pause within the window
 * @param windowMaxNanos the longest pause within the window
 * @param lastPauseEnd when the most recent pause ended, or {@code null} before the first
 */
public record GcPauseFigures(String source, long collections, long pauses, long pauseNanos, long concurrentNanos,
		int windowPauses, long windowP50Nanos, long windowP90Nanos, long windowP99Nanos, long windowMaxNanos,
		@Nullable Instant lastPauseEnd) {

}
