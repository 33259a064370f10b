package dev.runtimemonitor.publishing.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.CheckValues;
import dev.runtimemonitor.sampling.GcPauseFigures;
import org.jspecify.annotations.Nullable;

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

	private volatile @Nullable TickDetails details;

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
		Evaluation tick = this.monitor.lastTick();
		if (tick == null) {
			return Health.unknown().withDetail("reason", "No sample taken yet").build();
		}
		TickDetails details = this.details;
		if (details == null || details.tick() != tick) {
			details = TickDetails.of(tick, this.included);
			this.details = details;
		}
		Map<String, Object> checks = details.checks();
		boolean critical = details.critical();
		CheckResult sampler = this.monitor.samplerResult();
		if (sampler != null && this.included.test(sampler.policy())) {
			checks = new LinkedHashMap<>(checks);
			checks.put(sampler.check().id(), checkDetails(sampler));
			critical |= sampler.level() == Level.CRITICAL;
		}
		Health.Builder builder = critical ? Health.down() : Health.up();
		builder.withDetail("sampledAt", details.sampledAt());
		if (details.gcPauseSource() != null) {
			builder.withDetail("gcPauseSource", details.gcPauseSource());
		}
		return builder.withDetail("checks", checks).build();
	}

	private static Map<String, Object> checkDetails(CheckResult result) {
		CheckPolicy policy = result.policy();
		Unit unit = policy.check().unit();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("level", result.level().id());
		details.put("value", CheckValues.json(unit, result.value()));
		if (policy.hasWarning()) {
			details.put("warning", CheckValues.json(unit, policy.warning()));
		}
		if (policy.hasCritical()) {
			details.put("critical", CheckValues.json(unit, policy.critical()));
		}
		details.put("since", result.since().toString());
		return Collections.unmodifiableMap(details);
	}

	/**
	 * The details of one tick's checks but the sampler, built once per tick however many
	 * probes read them. The sampler check's age changes between ticks, so it is judged
	 * and added at each read.
	 */
	private record TickDetails(Evaluation tick, Map<String, Object> checks, boolean critical, String sampledAt,
			@Nullable String gcPauseSource) {

		static TickDetails of(Evaluation tick, Predicate<CheckPolicy> included) {
			Map<String, Object> checks = new LinkedHashMap<>();
			boolean critical = false;
			for (CheckResult result : tick.results()) {
				if (result.check() != Check.SAMPLER && included.test(result.policy())) {
					checks.put(result.check().id(), checkDetails(result));
					critical |= result.level() == Level.CRITICAL;
				}
			}
			GcPauseFigures pauses = tick.snapshot().pauses();
			return new TickDetails(tick, Collections.unmodifiableMap(checks), critical, tick.time().toString(),
					(pauses != null) ? pauses.source() : null);
		}

	}

}
