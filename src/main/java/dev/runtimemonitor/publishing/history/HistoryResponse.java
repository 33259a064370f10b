package dev.runtimemonitor.publishing.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.publishing.JsonValues;

/**
 * The body of {@code /runtime/history}: each point's readings in base units (bytes,
 * seconds, ratios, named in the field), unknown ones left out, and every check's level.
 * The service's endpoint and the agent write it the same way, through
 * {@link JsonValues#object(Record)}.
 *
 * @param intervalSeconds the time between two points
 * @param capacity the most points the history keeps
 * @param points the points, oldest first
 */
public record HistoryResponse(double intervalSeconds, int capacity, List<Map<String, Object>> points) {

	/**
	 * The body for some points.
	 * @param intervalSeconds the time between two points
	 * @param capacity the most points the history keeps
	 * @param points the points, oldest first
	 * @return the body
	 */
	public static HistoryResponse of(double intervalSeconds, int capacity, List<HistoryPoint> points) {
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
