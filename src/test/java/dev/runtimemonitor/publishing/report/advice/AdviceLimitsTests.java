package dev.runtimemonitor.publishing.report.advice;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdviceLimitsTests {

	private static final GcChoice G1 = new GcChoice(Collector.G1, false, 150, 0, false);

	private static final GcChoice PARALLEL = new GcChoice(Collector.PARALLEL, true, -1, -1, false);

	private static Readings.Settings settings(GcChoice gc) {
		return Readings.Settings.of(new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25+36-LTS",
				"Linux 6.1", "amd64", 2, -1, gc, new HeapSizing(-1, false, Double.NaN, false, -1, false), "off"));
	}

	private static CheckPolicy warning(Check check, double warning) {
		return new CheckPolicy(check, warning, Double.NaN, Duration.ZERO, Probe.NONE);
	}

	@Test
	void judgesAgainstTheChecksWarnings() {
		AdviceLimits limits = AdviceLimits.of(List.of(warning(Check.GC_OVERHEAD, 0.1), warning(Check.HEAP, 0.7),
				warning(Check.CONTAINER_MEMORY, 0.9), warning(Check.GC_PAUSE, 0.3)), settings(PARALLEL));
		assertThat(limits).isEqualTo(new AdviceLimits(0.1, 0.3, "gc-pause warning", 0.7, 0.9));
	}

	@Test
	void takesG1sPauseGoalOverTheGcPauseWarning() {
		AdviceLimits limits = AdviceLimits.of(List.of(warning(Check.GC_PAUSE, 0.3)), settings(G1));
		assertThat(limits.pauseGoalSeconds()).isEqualTo(0.15);
		assertThat(limits.pauseGoalSource()).isEqualTo("MaxGCPauseMillis");
	}

	@Test
	void fallsBackToTheDefaultsForDisabledChecks() {
		AdviceLimits limits = AdviceLimits.of(List.of(), settings(PARALLEL));
		assertThat(limits.gcOverhead()).isEqualTo(0.05);
		assertThat(limits.heapAfterGc()).isEqualTo(0.80);
		assertThat(limits.containerMemory()).isEqualTo(0.85);
		assertThat(limits.pauseGoalSeconds()).isNaN();
	}

}
