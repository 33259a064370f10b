package dev.runtimemonitor.publishing.health;

import java.util.function.Predicate;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.publishing.RuntimeHealth;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The runtime's health: DOWN while any of its checks is critical, UP otherwise, with
 * every check's value, thresholds, level and since-when in the details. It reads the last
 * evaluation and never samples, so probes cost next to nothing.
 */
public final class RuntimeHealthIndicator implements HealthIndicator {

	private final MonitorView monitor;

	private final Predicate<CheckPolicy> included;

	private volatile @Nullable Judged judged;

	private RuntimeHealthIndicator(MonitorView monitor, Predicate<CheckPolicy> included) {
		this.monitor = monitor;
		this.included = included;
	}

	/**
	 * The health of every enabled check.
	 * @param monitor the monitor to read
	 * @return the indicator
	 */
	public static RuntimeHealthIndicator allChecks(MonitorView monitor) {
		return new RuntimeHealthIndicator(monitor, (policy) -> true);
	}

	/**
	 * The health of the checks that feed one probe.
	 * @param monitor the monitor to read
	 * @param probe the probe
	 * @return the indicator
	 */
	public static RuntimeHealthIndicator forProbe(MonitorView monitor, Probe probe) {
		return new RuntimeHealthIndicator(monitor, (policy) -> policy.probe() == probe);
	}

	@Override
	public Health health() {
		Evaluation evaluation = this.monitor.latest();
		if (evaluation == null) {
			return Health.unknown().withDetail("reason", RuntimeHealth.NOT_SAMPLED_YET).build();
		}
		Judged judged = this.judged;
		if (judged == null || judged.evaluation() != evaluation) {
			judged = new Judged(evaluation, health(RuntimeHealth.of(evaluation, this.included)));
			this.judged = judged;
		}
		return judged.health();
	}

	private static Health health(RuntimeHealth health) {
		return (health.down() ? Health.down() : Health.up()).withDetails(health.details()).build();
	}

	/**
	 * The health of one evaluation, built once however many probes read it: the monitor
	 * hands every reader the same evaluation until the next tick, or until it judges an
	 * overdue sampler again.
	 */
	private record Judged(Evaluation evaluation, Health health) {
	}

}
