package dev.runtimemonitor.publishing.report.advice;

import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class GcOverheadRuleTests {

	private final GcOverheadRule rule = new GcOverheadRule();

	@Test
	void firesAtTheLimitWithTheNumbersThatTriggeredIt() {
		Advice advice = this.rule.apply(healthy().gcOverhead(0.05).allocationRate(512 * MIB).build()).orElseThrow();
		assertThat(advice.rule()).isEqualTo("gc-overhead");
		assertThat(advice.finding()).contains("5.0% of the wall time over the last 300s, at or above 5.0%");
		assertThat(advice.action()).contains("-Xmx").contains("MaxRAMPercentage").contains("512.0 MiB/s");
		assertThat(advice.basis()).containsEntry("gcOverhead", 0.05)
			.containsEntry("limit", 0.05)
			.containsEntry("allocationBytesPerSecond", 512.0 * MIB)
			.containsKey("heapMaxBytes");
	}

	@Test
	void doesNotFireJustBelowTheLimit() {
		assertThat(this.rule.apply(healthy().gcOverhead(0.0499).build())).isEmpty();
	}

	@Test
	void judgesAgainstTheConfiguredWarning() {
		AdviceLimits tolerant = new AdviceLimits(0.10, 0.2, "MaxGCPauseMillis", 0.8, 0.85);
		assertThat(this.rule.apply(healthy().gcOverhead(0.07).limits(tolerant).build())).isEmpty();
		assertThat(this.rule.apply(healthy().gcOverhead(0.10).limits(tolerant).build())).isPresent();
	}

	@Test
	void doesNotFireWhileTheOverheadIsUnknown() {
		assertThat(this.rule.apply(healthy().gcOverhead(Double.NaN).build())).isEmpty();
	}

	@Test
	void leavesOutAnUnknownAllocationRate() {
		Advice advice = this.rule.apply(healthy().gcOverhead(0.3).allocationRate(Double.NaN).build()).orElseThrow();
		assertThat(advice.basis()).doesNotContainKey("allocationBytesPerSecond");
		assertThat(advice.action()).contains("unknown now");
	}

}
