package dev.runtimemonitor.publishing.health;

import java.time.Duration;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeHealthIndicatorTests {

	private final SettableMonitorView monitor = new SettableMonitorView(
			new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS),
			new CheckPolicy(Check.HEAP, 0.8, 0.95, Duration.ofSeconds(60), Probe.LIVENESS),
			new CheckPolicy(Check.GC_OVERHEAD, 0.05, 0.25, Duration.ofSeconds(15), Probe.READINESS),
			new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS));

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> checks(Health health) {
		return (Map<String, Map<String, Object>>) health.getDetails().get("checks");
	}

	@Test
	void isUnknownBeforeTheFirstSample() {
		Health health = RuntimeHealthIndicator.allChecks(this.monitor).health();
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reason", "No sample taken yet");
	}

	@Test
	void isUpWithEveryCheckInTheDetails() {
		this.monitor.tick(atSeconds(0).threads(5));
		Health health = RuntimeHealthIndicator.allChecks(this.monitor).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(checks(health)).containsOnlyKeys("threads", "heap", "gc-overhead", "sampler");
		assertThat(checks(health).get("threads")).containsEntry("level", "ok")
			.containsEntry("value", 5L)
			.containsEntry("warning", 10L)
			.containsEntry("critical", 20L)
			.containsKey("since")
			.containsOnlyKeys("level", "value", "warning", "critical", "since");
		assertThat(checks(health).get("gc-overhead")).containsEntry("level", "unknown")
			.doesNotContainKey("value")
			.containsEntry("warning", 0.05);
		assertThat(checks(health).get("sampler")).doesNotContainKey("warning");
		assertThat(health.getDetails()).containsKey("sampledAt");
	}

	@Test
	void buildsTheDetailsOncePerTick() {
		this.monitor.tick(atSeconds(0).threads(5));
		RuntimeHealthIndicator indicator = RuntimeHealthIndicator.allChecks(this.monitor);
		Object first = checks(indicator.health()).get("threads");
		assertThat(checks(indicator.health()).get("threads")).isSameAs(first);
		this.monitor.tick(atSeconds(5).threads(7));
		assertThat(checks(indicator.health()).get("threads")).isNotSameAs(first).containsEntry("value", 7L);
	}

	@Test
	void isDownWhileACheckIsCritical() {
		this.monitor.tick(atSeconds(0).threads(25));
		Health health = RuntimeHealthIndicator.allChecks(this.monitor).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checks(health).get("threads")).containsEntry("level", "critical");
	}

	@Test
	void probeIndicatorCarriesOnlyTheChecksOfItsProbe() {
		this.monitor.tick(atSeconds(0).threads(25));
		Health liveness = RuntimeHealthIndicator.forProbe(this.monitor, Probe.LIVENESS).health();
		Health readiness = RuntimeHealthIndicator.forProbe(this.monitor, Probe.READINESS).health();
		assertThat(liveness.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checks(liveness)).containsOnlyKeys("threads", "heap", "sampler");
		assertThat(readiness.getStatus()).isEqualTo(Status.UP);
		assertThat(checks(readiness)).containsOnlyKeys("gc-overhead");
	}

	@Test
	void turnsDownWhenTheSamplerStallsWithoutAnotherTick() {
		this.monitor.tick(atSeconds(0).threads(5));
		this.monitor.overdue(Duration.ofSeconds(16));
		Health health = RuntimeHealthIndicator.forProbe(this.monitor, Probe.LIVENESS).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checks(health).get("sampler")).containsEntry("level", "critical").containsEntry("value", 16L);
	}

}
