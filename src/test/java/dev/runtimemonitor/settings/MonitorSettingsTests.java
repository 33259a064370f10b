package dev.runtimemonitor.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.settings.MonitorSettings.ConfiguredCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings' rules, without Spring: what a front that binds the properties gets back,
 * and what the monitor takes from the settings.
 */
class MonitorSettingsTests {

	private static final Duration INTERVAL = Duration.ofSeconds(5);

	@Test
	void goodSettingsHaveNoProblems() {
		assertThat(settings(INTERVAL, Duration.ofMinutes(5), List.of()).problems()).isEmpty();
	}

	@Test
	void namesEachProblemByItsFieldWithItsMessage() {
		MonitorSettings settings = settings(INTERVAL, Duration.ofSeconds(5), List.of(
				new ConfiguredCheck(new CheckPolicy(Check.THREADS, 6000, 5000, Duration.ofSeconds(-1), Probe.NONE),
						false),
				new ConfiguredCheck(new CheckPolicy(Check.HEAP_USED, 8L << 30, 4L << 30, Duration.ZERO, Probe.NONE),
						true)));
		assertThat(settings.problems()).containsExactly(
				new SettingProblem("window", "tooShort", "must be at least two intervals (PT5S)"),
				new SettingProblem("checks.threads.warning", "aboveCritical", "must not be above critical (5000)"),
				new SettingProblem("checks.threads.sustain", "negative", "must be zero or more"),
				new SettingProblem("checks.heap-used.warning", "aboveCritical", "must not be above critical (4GB)"));
	}

	@Test
	void judgesATimeLeftTheOtherWayRound() {
		MonitorSettings settings = settings(INTERVAL, Duration.ofMinutes(5), List
			.of(new ConfiguredCheck(new CheckPolicy(Check.HEAP_GROWTH, 1800, 3600, Duration.ZERO, Probe.NONE), true)));
		assertThat(settings.problems()).extracting(SettingProblem::message)
			.containsExactly("must not be below critical (1h): a shorter time is worse");
	}

	@Test
	void aThresholdThatIsNotSetIsNeverAProblem() {
		MonitorSettings settings = settings(INTERVAL, Duration.ofMinutes(5), List.of(new ConfiguredCheck(
				new CheckPolicy(Check.HEAP, Double.NaN, 0.95, Duration.ZERO, Probe.LIVENESS), true)));
		assertThat(settings.problems()).isEmpty();
	}

	@Test
	void theSamplerIsCriticalAfterThreeIntervalsUnlessSet() {
		CheckPolicy unset = new CheckPolicy(Check.SAMPLER, Double.NaN, Double.NaN, Duration.ZERO, Probe.LIVENESS);
		assertThat(settings(INTERVAL, Duration.ofMinutes(5), List.of(new ConfiguredCheck(unset, true))).policies())
			.singleElement()
			.extracting(CheckPolicy::critical)
			.isEqualTo(15.0);
		CheckPolicy set = new CheckPolicy(Check.SAMPLER, Double.NaN, 40, Duration.ZERO, Probe.LIVENESS);
		assertThat(settings(INTERVAL, Duration.ofMinutes(5), List.of(new ConfiguredCheck(set, true))).policies())
			.containsExactly(set);
	}

	@Test
	void theMonitorGetsThePoliciesOfTheEnabledChecksOnly() {
		CheckPolicy threads = new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ZERO, Probe.LIVENESS);
		CheckPolicy heap = new CheckPolicy(Check.HEAP, 0.8, 0.95, Duration.ZERO, Probe.LIVENESS);
		MonitorSettings settings = settings(INTERVAL, Duration.ofMinutes(5),
				List.of(new ConfiguredCheck(threads, true), new ConfiguredCheck(heap, false)));
		assertThat(settings.policies()).containsExactly(threads);
		assertThat(settings.isEnabled(Check.THREADS)).isTrue();
		assertThat(settings.isEnabled(Check.HEAP)).isFalse();
	}

	@Test
	void windowRatesNeedAMinuteOrTheWholeWindowLessHalfAnInterval() {
		assertThat(settings(INTERVAL, Duration.ofMinutes(5), List.of()).rateSpan())
			.isEqualTo(Duration.ofMillis(57_500));
		assertThat(settings(INTERVAL, Duration.ofSeconds(20), List.of()).rateSpan())
			.isEqualTo(Duration.ofMillis(17_500));
	}

	@Test
	void evidenceOffCapturesNothingWhateverKindsAreOn() {
		Set<EvidenceKind> all = EnumSet.allOf(EvidenceKind.class);
		assertThat(evidence(true, all).kinds()).isEqualTo(all);
		assertThat(evidence(false, all).kinds()).isEmpty();
	}

	private static MonitorSettings settings(Duration interval, Duration window, List<ConfiguredCheck> checks) {
		return new MonitorSettings(true, interval, window, Duration.ofSeconds(30), Duration.ofMinutes(5),
				GcEventSubscription.Source.AUTO, 720, true, true, new ArrayList<>(checks),
				evidence(true, EnumSet.allOf(EvidenceKind.class)));
	}

	private static MonitorSettings.Evidence evidence(boolean enabled, Set<EvidenceKind> kinds) {
		return new MonitorSettings.Evidence(enabled, kinds, Duration.ofHours(1), Duration.ofMinutes(5),
				Duration.ofMinutes(10));
	}

}
