package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.sampling.jvm.Collector;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class PauseGoalRuleTests {

	private static final AdviceLimits WARNING_GOAL = new AdviceLimits(0.05, 0.2, "gc-pause warning", 0.8, 0.85);

	private final PauseGoalRule rule = new PauseGoalRule();

	@Test
	void firesWhenTheP99IsAboveG1sPauseGoal() {
		Advice advice = this.rule.apply(healthy().pauses(40, 0.2001).build()).orElseThrow();
		assertThat(advice.rule()).isEqualTo("pause-goal");
		assertThat(advice.finding()).contains("200 ms over the last 300s (40 pauses)")
			.contains("above the pause goal of 200 ms (MaxGCPauseMillis) under G1");
		assertThat(advice.action()).contains("-XX:+UseZGC").contains("G1MaxNewSizePercent");
		assertThat(advice.basis()).containsEntry("pauseP99Seconds", 0.2001)
			.containsEntry("pauseGoalSeconds", 0.2)
			.containsEntry("pauseGoalSource", "MaxGCPauseMillis")
			.containsEntry("windowPauses", 40.0)
			.containsEntry("collector", "G1");
	}

	@Test
	void doesNotFireWhenThePauseMeetsTheGoalExactly() {
		assertThat(this.rule.apply(healthy().pauses(40, 0.2).build())).isEmpty();
	}

	@Test
	void doesNotFireWithoutPausesInTheWindow() {
		assertThat(this.rule.apply(healthy().pauses(0, 0.5).build())).isEmpty();
	}

	@Test
	void judgesOtherCollectorsAgainstTheGcPauseWarning() {
		Advice advice = this.rule
			.apply(healthy().collector(Collector.PARALLEL, true).limits(WARNING_GOAL).pauses(10, 0.35).build())
			.orElseThrow();
		assertThat(advice.finding()).contains("(gc-pause warning) under Parallel");
		assertThat(advice.action()).contains("-XX:+UseG1GC").contains("-XX:+UseZGC").contains("-Xmn");
	}

	@Test
	void pointsConcurrentCollectorsAtSafepoints() {
		Advice advice = this.rule
			.apply(healthy().collector(Collector.Z, true).limits(WARNING_GOAL).pauses(10, 0.35).build())
			.orElseThrow();
		assertThat(advice.action()).contains("-Xlog:safepoint");
	}

	@Test
	void doesNotFireWithoutAGoal() {
		AdviceLimits noGoal = new AdviceLimits(0.05, Double.NaN, "gc-pause warning", 0.8, 0.85);
		assertThat(this.rule.apply(healthy().collector(Collector.SERIAL, true).limits(noGoal).pauses(10, 5).build()))
			.isEmpty();
	}

}
