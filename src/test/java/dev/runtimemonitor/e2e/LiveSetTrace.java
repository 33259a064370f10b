package dev.runtimemonitor.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.RuntimeJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one service's {@code /runtime} report said about its heap and its heap-growth
 * check, observation after observation.
 */
final class LiveSetTrace {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final long startNanos;

	private final List<Observation> observations = new CopyOnWriteArrayList<>();

	private volatile int unanswered;

	LiveSetTrace(String name, int port, long startNanos) {
		this.name = name;
		this.port = port;
		this.startNanos = startNanos;
	}

	/**
	 * Read the report once and keep what it says. A report that does not come (a loaded
	 * machine, a long pause) is counted, not thrown: the next observation will tell.
	 */
	void observe() {
		Duration at = Duration.ofNanos(System.nanoTime() - this.startNanos);
		try {
			JsonNode report = json.readTree(Http.get(this.port, "/runtime", "application/json").body());
			this.observations.add(Observation.of(at, report));
		}
		catch (RuntimeException ex) {
			this.unanswered++;
		}
	}

	String name() {
		return this.name;
	}

	List<Observation> observations() {
		return List.copyOf(this.observations);
	}

	int unanswered() {
		return this.unanswered;
	}

	/**
	 * The observations since the trend last became known, when it is known now.
	 * @return the latest unbroken run of observations with a known growth; empty when the
	 * latest one does not know it
	 */
	List<Observation> knownRun() {
		List<Observation> all = observations();
		int first = all.size();
		while (first > 0 && all.get(first - 1).known()) {
			first--;
		}
		return all.subList(first, all.size());
	}

	/**
	 * How long the trend has been known without a break.
	 * @return zero when it is not known now
	 */
	Duration knownFor() {
		List<Observation> run = knownRun();
		return run.isEmpty() ? Duration.ZERO : run.get(run.size() - 1).at().minus(run.get(0).at());
	}

	/**
	 * One reading of the report.
	 *
	 * @param at time since the load started
	 * @param usedAfterGcBytes heap in use after the most recent collection, young ones
	 * included: what a trend over heap after GC would follow
	 * @param liveSetBytes the old generation after the latest collection that reclaimed
	 * it
	 * @param growthBytesPerSecond the live set's growth, {@code NaN} while unknown
	 * @param secondsUntilFull the projection, {@code NaN} when the report leaves it out
	 * (unknown, or infinite when nothing grows)
	 * @param maxBytes the maximum heap
	 * @param level the heap-growth check's level
	 * @param value the heap-growth check's value, {@code NaN} when left out
	 * @param warning the check's warning threshold, seconds
	 * @param critical the check's critical threshold, seconds
	 */
	record Observation(Duration at, double usedAfterGcBytes, double liveSetBytes, double growthBytesPerSecond,
			double secondsUntilFull, double maxBytes, String level, double value, double warning, double critical) {

		static Observation of(Duration at, JsonNode report) {
			JsonNode heap = report.path("heap");
			JsonNode check = RuntimeJson.check(report, "heap-growth");
			return new Observation(at, number(heap, "usedAfterGcBytes"), number(heap, "liveSetBytes"),
					number(heap, "liveSetGrowthBytesPerSecond"), number(heap, "secondsUntilFull"),
					number(heap, "maxBytes"), check.path("level").asString(), number(check, "value"),
					number(check, "warning"), number(check, "critical"));
		}

		private static double number(JsonNode node, String field) {
			JsonNode value = node.path(field);
			return value.isNumber() ? value.asDouble() : Double.NaN;
		}

		boolean known() {
			return !Double.isNaN(this.growthBytesPerSecond);
		}

		/**
		 * The level the thresholds give this value, sustain aside: lower is worse, and a
		 * known growth of zero never fills the heap.
		 * @return the level's name as the report spells it
		 */
		String levelByThresholds() {
			if (!known()) {
				return "unknown";
			}
			if (this.value <= this.critical) {
				return "critical";
			}
			return (this.value <= this.warning) ? "warning" : "ok";
		}

	}

}
