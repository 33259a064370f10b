package dev.runtimemonitor.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;

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
		for (Map.Entry<Check, CheckProperties<?>> entry : properties.getChecks().byCheck().entrySet()) {
			CheckProperties<?> settings = entry.getValue();
			if (settings.isEnabled()) {
				policies.add(policy(entry.getKey(), settings, properties));
			}
		}
		return policies;
	}

	private static <T> CheckPolicy policy(Check check, CheckProperties<T> settings,
			RuntimeMonitorProperties properties) {
		double critical = settings.toBaseUnit(settings.getCritical());
		if (check == Check.SAMPLER && settings.getCritical() == null) {
			critical = properties.getInterval().multipliedBy(SAMPLER_CRITICAL_INTERVALS).toNanos() / 1e9;
		}
		return new CheckPolicy(check, settings.toBaseUnit(settings.getWarning()), critical, settings.getSustain(),
				settings.getProbes());
	}

}
