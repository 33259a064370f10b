package dev.runtimemonitor.publishing.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.testsupport.Samplers;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeHealthIndicatorTests {

	private final MockClock clock = new MockClock();

	private final AtomicInteger live = new AtomicInteger(5);

	private final RuntimeMonitor monitor = new RuntimeMonitor(
			Samplers.withThreads(this.clock, () -> new ThreadFigures(this.live.get(), 0, 5, 5)),
			new Evaluator(
					List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS),
							new CheckPolicy(Check.HEAP, 0.8, 0.95, Duration.ofSeconds(60), Probe.LIVENESS),
							new CheckPolicy(Check.GC_OVERHEAD, 0.05, 0.25, Duration.ofSeconds(15), Probe.READINESS),
							new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS)),
					Duration.ofMinutes(1)),
			this.clock, Duration.ofSeconds(5), Duration.ofMinutes(5));

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
		this.monitor.tick();
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
		this.monitor.tick();
		RuntimeHealthIndicator indicator = RuntimeHealthIndicator.allChecks(this.monitor);
		Object first = checks(indicator.health()).get("threads");
		assertThat(checks(indicator.health()).get("threads")).isSameAs(first);
		this.live.set(7);
		this.clock.add(Duration.ofSeconds(5));
		this.monitor.tick();
		assertThat(checks(indicator.health()).get("threads")).isNotSameAs(first).containsEntry("value", 7L);
	}

	@Test
	void isDownWhileACheckIsCritical() {
		this.live.set(25);
		this.monitor.tick();
		Health health = RuntimeHealthIndicator.allChecks(this.monitor).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checks(health).get("threads")).containsEntry("level", "critical");
	}

	@Test
	void probeIndicatorCarriesOnlyTheChecksOfItsProbe() {
		this.live.set(25);
		this.monitor.tick();
		Health liveness = RuntimeHealthIndicator.forProbe(this.monitor, Probe.LIVENESS).health();
		Health readiness = RuntimeHealthIndicator.forProbe(this.monitor, Probe.READINESS).health();
		assertThat(liveness.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checks(liveness)).containsOnlyKeys("threads", "heap", "sampler");
		assertThat(readiness.getStatus()).isEqualTo(Status.UP);
		assertThat(checks(readiness)).containsOnlyKeys("gc-overhead");
	}

	@Test
	void turnsDownWhenTheSamplerStallsWithoutAnotherTick() {
		this.monitor.tick();
		this.clock.add(Duration.ofSeconds(16));
		Health health = RuntimeHealthIndicator.forProbe(this.monitor, Probe.LIVENESS).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(checks(health).get("sampler")).containsEntry("level", "critical").containsEntry("value", 16L);
	}

}
