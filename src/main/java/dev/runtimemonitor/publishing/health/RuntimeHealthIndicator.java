package dev.runtimemonitor.publishing.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.CheckValues;
import dev.runtimemonitor.sampling.GcPauseFigures;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The runtime's health: DOWN while any of its checks is critical, UP otherwise, with
 * every check's value, thresholds, level and since-when in the details. It reads the last
 * evaluation and never samples, so probes cost next to nothing.
 */
public final class RuntimeHealthIndicator implements HealthIndicator {

	private final RuntimeMonitor monitor;

	private final Predicate<CheckPolicy> included;

	private RuntimeHealthIndicator(RuntimeMonitor monitor, Predicate<CheckPolicy> included) {
		this.monitor = monitor;
		this.included = included;
	}

	/**
	 * The health of every enabled check.
	 * @param monitor the monitor to read
	 * @return the indicator
	 */
	public static RuntimeHealthIndicator allChecks(RuntimeMonitor monitor) {
		return new RuntimeHealthIndicator(monitor, (policy) -> true);
	}

	/**
	 * The health of the checks that feed one probe.
	 * @param monitor the monitor to read
	 * @param probe the probe
	 * @return the indicator
	 */
	public static RuntimeHealthIndicator forProbe(RuntimeMonitor monitor, Probe probe) {
		return new RuntimeHealthIndicator(monitor, (policy) -> policy.probe() == probe);
	}

	@Override
	public Health health() {
		Evaluation evaluation = this.monitor.latest();
		if (evaluation == null) {
			return Health.unknown().withDetail("reason", "No sample taken yet").build();
		}
		Map<String, Object> checks = new LinkedHashMap<>();
		boolean critical = false;
		for (CheckResult result : evaluation.results()) {
			if (this.included.test(result.policy())) {
				checks.put(result.check().id(), details(result));
				critical |= result.level() == Level.CRITICAL;
			}
		}
		Health.Builder builder = critical ? Health.down() : Health.up();
		builder.withDetail("sampledAt", evaluation.time().toString());
		GcPauseFigures pauses = evaluation.snapshot().pauses();
		if (pauses != null) {
			builder.withDetail("gcPauseSource", pauses.source());
		}
		return builder.withDetail("checks", checks).build();
	}

	private static Map<String, Object> details(CheckResult result) {
		CheckPolicy policy = result.policy();
		Unit unit = policy.check().unit();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("level", result.level().id());
		details.put("value", CheckValues.json(unit, result.value()));
		details.put("unit", unit.symbol());
		if (policy.hasWarning()) {
			details.put("warning", CheckValues.json(unit, policy.warning()));
		}
		if (policy.hasCritical()) {
			details.put("critical", CheckValues.json(unit, policy.critical()));
		}
		details.put("sustain", CheckValues.duration(policy.sustain()));
		details.put("since", result.since().toString());
		details.put("probe", policy.probe().name().toLowerCase(Locale.ROOT));
		return details;
	}

}
