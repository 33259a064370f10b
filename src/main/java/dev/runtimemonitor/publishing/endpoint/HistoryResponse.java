package dev.runtimemonitor.publishing.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.history.HistoryPoint;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code /runtime/history}: each point's readings in base units (bytes,
 * seconds, ratios, named in the field), unknown ones left out, and every check's level.
 *
 * @param intervalSeconds the time between two points
 * @param capacity the most points the history keeps
 * @param points the points, oldest first
 */
record HistoryResponse(double intervalSeconds, int capacity,
		List<Map<String, Object>> points) implements OperationResponseBody {

	static HistoryResponse of(double intervalSeconds, int capacity, List<HistoryPoint> points) {
		return new HistoryResponse(intervalSeconds, capacity, points.stream().map(HistoryResponse::point).toList());
	}

	private static Map<String, Object> point(HistoryPoint point) {
		Map<String, Object> json = JsonValues.object(point);
		Map<String, String> levels = new LinkedHashMap<>();
		for (Check check : Check.values()) {
			Level level = point.level(check);
			if (level != null) {
				levels.put(check.id(), level.id());
			}
		}
		json.put("levels", levels);
		return json;
	}

}
