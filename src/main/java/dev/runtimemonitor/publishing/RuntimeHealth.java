package dev.runtimemonitor.publishing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;

/**
 * The runtime's health as one evaluation shows it: DOWN while any of the checks it covers
 * is critical, UP otherwise, with every such check's level, value, thresholds and
 * since-when in the details. Without Spring's types, so that the actuator's health
 * indicators and the agent's {@code /health} give the same details.
 *
 * @param down whether a covered check is critical
 * @param details when the sample was taken, where GC pauses come from, and the checks
 */
public record RuntimeHealth(boolean down, Map<String, Object> details) {

	/** Why there is no health, nor report, before the first sample. */
	public static final String NOT_SAMPLED_YET = "No sample taken yet";

	/**
	 * The health of the checks an evaluation judged that a reader covers.
	 * @param evaluation the evaluation
	 * @param covered which checks count, by their policy
	 * @return the health
	 */
	public static RuntimeHealth of(Evaluation evaluation, Predicate<CheckPolicy> covered) {
		Map<String, Object> checks = new LinkedHashMap<>();
		boolean critical = false;
		for (CheckResult result : evaluation.results()) {
			if (covered.test(result.policy())) {
				checks.put(result.check().id(), checkDetails(result));
				critical |= result.level() == Level.CRITICAL;
			}
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("sampledAt", evaluation.time().toString());
		String pauseSource = evaluation.readings().gc().pauseSource();
		if (pauseSource != null) {
			details.put("gcPauseSource", pauseSource);
		}
		details.put("checks", Collections.unmodifiableMap(checks));
		return new RuntimeHealth(critical, Collections.unmodifiableMap(details));
	}

	private static Map<String, Object> checkDetails(CheckResult result) {
		CheckPolicy policy = result.policy();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("level", result.level().id());
		Number value = JsonValues.number(result.value());
		if (value != null) {
			details.put("value", value);
		}
		if (policy.hasWarning()) {
			details.put("warning", JsonValues.number(policy.warning()));
		}
		if (policy.hasCritical()) {
			details.put("critical", JsonValues.number(policy.critical()));
		}
		details.put("since", result.since().toString());
		return Collections.unmodifiableMap(details);
	}

}
