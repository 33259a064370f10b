package dev.runtimemonitor.publishing.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.publishing.history.HistoryPoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code /runtime/history}. Figures in base units: bytes, seconds, ratios;
 * unknown figures are left out (the actuator's own JSON mapper writes it).
 *
 * @param interval the time between two points
 * @param capacity the most points the history keeps
 * @param points the points, oldest first
 */
record HistoryResponse(String interval, int capacity, List<Point> points) implements OperationResponseBody {

	private static final double NANOS_PER_SECOND = 1e9;

	static HistoryResponse of(String interval, int capacity, List<HistoryPoint> points) {
		return new HistoryResponse(interval, capacity, points.stream().map(HistoryResponse::point).toList());
	}

	private static Point point(HistoryPoint point) {
		Map<String, String> levels = new LinkedHashMap<>();
		for (Check check : Check.values()) {
			Level level = point.level(check);
			if (level != null) {
				levels.put(check.id(), level.id());
			}
		}
		return new Point(point.epochMillis(), count(point.threads()), count(point.heapUsed()),
				count(point.heapCommitted()), count(point.heapMax()), count(point.heapAfterGc()),
				seconds(point.gcP50Nanos()), seconds(point.gcP90Nanos()), seconds(point.gcP99Nanos()),
				seconds(point.gcMaxNanos()), known(point.gcOverhead()), known(point.allocationBytesPerSecond()),
				count(point.residentBytes()), count(point.containerLimitBytes()), levels);
	}

	private static @Nullable Long count(long value) {
		return (value >= 0) ? value : null;
	}

	private static @Nullable Double seconds(long nanos) {
		return (nanos >= 0) ? nanos / NANOS_PER_SECOND : null;
	}

	private static @Nullable Double known(double value) {
		return Double.isNaN(value) ? null : value;
	}

	/**
	 * One point.
	 *
	 * @param time epoch milliseconds
	 * @param threads live platform threads
	 * @param heapUsed heap in use, bytes
	 * @param heapCommitted heap committed, bytes
	 * @param heapMax maximum heap, bytes
	 * @param heapAfterGc heap in use right after the last GC, bytes
	 * @param gcP50 median pause within the window, seconds
	 * @param gcP90 90th percentile pause, seconds
	 * @param gcP99 99th percentile pause, seconds
	 * @param gcMax longest pause, seconds
	 * @param gcOverhead share of wall time in pauses over the window
	 * @param allocationRate heap allocation, bytes per second
	 * @param rss resident memory, bytes
	 * @param containerLimit the container's memory limit, bytes
	 * @param levels each evaluated check's level
	 */
	record Point(long time, @Nullable Long threads, @Nullable Long heapUsed, @Nullable Long heapCommitted,
			@Nullable Long heapMax, @Nullable Long heapAfterGc, @Nullable Double gcP50, @Nullable Double gcP90,
			@Nullable Double gcP99, @Nullable Double gcMax, @Nullable Double gcOverhead,
			@Nullable Double allocationRate, @Nullable Long rss, @Nullable Long containerLimit,
			Map<String, String> levels) {

	}

}
