package dev.runtimemonitor.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Seconds;
import org.jspecify.annotations.Nullable;

/**
 * Turns the check properties into the policies the evaluator applies: thresholds in base
 * units, disabled checks left out.
 */
final class CheckPolicies {

	/**
	 * The sampler is critical, unless configured otherwise, after this many intervals.
	 */
	static final int SAMPLER_CRITICAL_INTERVALS = 3;

	private CheckPolicies() {
	}

	static List<CheckPolicy> from(RuntimeMonitorProperties properties) {
		List<CheckPolicy> policies = new ArrayList<>();
		for (Map.Entry<Check, CheckSettings<?>> entry : properties.checks().byCheck().entrySet()) {
			CheckSettings<?> settings = entry.getValue();
			if (settings.enabled()) {
				policies.add(policy(entry.getKey(), settings, properties));
			}
		}
		return policies;
	}

	private static <T> CheckPolicy policy(Check check, CheckSettings<T> settings, RuntimeMonitorProperties properties) {
		ThresholdType<T> type = ThresholdType.of(check, settings);
		double critical = baseUnit(type, settings.critical());
		if (check == Check.SAMPLER && settings.critical() == null) {
			critical = Seconds.of(properties.interval().multipliedBy(SAMPLER_CRITICAL_INTERVALS));
		}
		return new CheckPolicy(check, baseUnit(type, settings.warning()), critical, settings.sustain(),
				settings.probe());
	}

	private static <T> double baseUnit(ThresholdType<T> type, @Nullable T threshold) {
		return (threshold != null) ? type.toBaseUnit().applyAsDouble(threshold) : Double.NaN;
	}

}
