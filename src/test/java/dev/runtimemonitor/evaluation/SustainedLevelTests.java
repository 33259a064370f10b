package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SustainedLevelTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final CheckPolicy threads = new CheckPolicy(Check.THREADS, 100, 200, Duration.ofSeconds(15),
			Probe.LIVENESS);

	private CheckResult judge(CheckPolicy policy, double value, @Nullable CheckResult prior, long second) {
		return SustainedLevel.judge(policy, value, prior, T0.plusSeconds(second));
	}

	@Test
	void anAgeBreachesAtTheMomentItReachedEachThresholdAndRisesOnceTheSustainIsOver() {
		CheckPolicy sampler = new CheckPolicy(Check.SAMPLER, 5, 15, Duration.ofSeconds(10), Probe.LIVENESS);
		CheckResult fresh = SustainedLevel.judge(sampler, 0, null, T0);
		CheckResult warned = SustainedLevel.judgeAge(sampler, 20, T0, fresh, T0.plusSeconds(20));
		assertThat(warned.value()).isEqualTo(20);
		assertThat(warned.warningBreachStart()).isEqualTo(T0.plusSeconds(5));
		assertThat(warned.criticalBreachStart()).isEqualTo(T0.plusSeconds(15));
		assertThat(warned.level()).isEqualTo(Level.WARNING);
		assertThat(warned.since()).as("the warning's sustain was over then").isEqualTo(T0.plusSeconds(15));
		CheckResult critical = SustainedLevel.judgeAge(sampler, 25, T0, fresh, T0.plusSeconds(25));
		assertThat(critical.level()).isEqualTo(Level.CRITICAL);
		assertThat(critical.since()).isEqualTo(T0.plusSeconds(25));
	}

	@Test
	void anAgeBelowItsThresholdsKeepsTheLevelAndItsSince() {
		CheckPolicy sampler = new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS);
		CheckResult fresh = SustainedLevel.judge(sampler, 0, null, T0);
		CheckResult older = SustainedLevel.judgeAge(sampler, 14, T0, fresh, T0.plusSeconds(14));
		assertThat(older.level()).isEqualTo(Level.OK);
		assertThat(older.since()).isEqualTo(T0);
		assertThat(older.warningBreachStart()).isNull();
		assertThat(older.criticalBreachStart()).isNull();
	}

	@Test
	void valueBelowWarningIsOk() {
		CheckResult result = judge(this.threads, 99, null, 0);
		assertThat(result.level()).isEqualTo(Level.OK);
		assertThat(result.since()).isEqualTo(T0);
		assertThat(result.warningBreachStart()).isNull();
	}

	@Test
	void breachRaisesTheLevelOnlyOnceItHasLastedTheSustain() {
		CheckResult first = judge(this.threads, 250, null, 0);
		CheckResult before = judge(this.threads, 250, first, 10);
		CheckResult after = judge(this.threads, 250, before, 15);
		assertThat(first.level()).isEqualTo(Level.OK);
		assertThat(before.level()).isEqualTo(Level.OK);
		assertThat(after.level()).isEqualTo(Level.CRITICAL);
		assertThat(after.since()).isEqualTo(T0.plusSeconds(15));
		assertThat(after.criticalBreachStart()).isEqualTo(T0);
	}

	@Test
	void spikeShorterThanTheSustainNeverRaisesTheLevel() {
		CheckResult result = judge(this.threads, 10, null, 0);
		result = judge(this.threads, 500, result, 5);
		result = judge(this.threads, 500, result, 10);
		result = judge(this.threads, 10, result, 15);
		result = judge(this.threads, 500, result, 20);
		assertThat(result.level()).isEqualTo(Level.OK);
		assertThat(result.criticalBreachStart()).isEqualTo(T0.plusSeconds(20));
	}

	@Test
	void levelFallsBackOnTheFirstCleanSample() {
		CheckResult result = judge(this.threads, 250, null, 0);
		result = judge(this.threads, 250, result, 20);
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
		result = judge(this.threads, 50, result, 25);
		assertThat(result.level()).isEqualTo(Level.OK);
		assertThat(result.since()).isEqualTo(T0.plusSeconds(25));
	}

	@Test
	void criticalFallsToWarningWhenTheValueDropsBetweenTheThresholds() {
		CheckResult result = judge(this.threads, 250, null, 0);
		result = judge(this.threads, 250, result, 20);
		result = judge(this.threads, 150, result, 25);
		assertThat(result.level()).isEqualTo(Level.WARNING);
		assertThat(result.warningBreachStart()).isEqualTo(T0);
		assertThat(result.criticalBreachStart()).isNull();
	}

	@Test
	void warningThatTurnsCriticalWaitsTheSustainAgainForCritical() {
		CheckResult result = judge(this.threads, 150, null, 0);
		result = judge(this.threads, 150, result, 15);
		assertThat(result.level()).isEqualTo(Level.WARNING);
		result = judge(this.threads, 250, result, 20);
		assertThat(result.level()).isEqualTo(Level.WARNING);
		result = judge(this.threads, 250, result, 35);
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void sinceStaysWhileTheLevelHolds() {
		CheckResult result = judge(this.threads, 10, null, 0);
		result = judge(this.threads, 20, result, 5);
		result = judge(this.threads, 30, result, 10);
		assertThat(result.since()).isEqualTo(T0);
		assertThat(result.value()).isEqualTo(30);
	}

	@Test
	void zeroSustainRaisesTheLevelAtOnce() {
		CheckPolicy immediate = new CheckPolicy(Check.THREADS, 100, 200, Duration.ZERO, Probe.LIVENESS);
		assertThat(judge(immediate, 200, null, 0).level()).isEqualTo(Level.CRITICAL);
		assertThat(judge(immediate, 100, null, 0).level()).isEqualTo(Level.WARNING);
	}

	@Test
	void unknownValueIsUnknownAndRestartsTheSustain() {
		CheckResult result = judge(this.threads, 250, null, 0);
		result = judge(this.threads, Double.NaN, result, 10);
		assertThat(result.level()).isEqualTo(Level.UNKNOWN);
		assertThat(result.hasValue()).isFalse();
		assertThat(result.criticalBreachStart()).isNull();
		result = judge(this.threads, 250, result, 20);
		assertThat(result.level()).isEqualTo(Level.OK);
		assertThat(result.criticalBreachStart()).isEqualTo(T0.plusSeconds(20));
	}

	@Test
	void checkWithoutWarningGoesStraightToCritical() {
		CheckPolicy deadlock = new CheckPolicy(Check.DEADLOCK, Double.NaN, 1, Duration.ZERO, Probe.LIVENESS);
		assertThat(judge(deadlock, 0, null, 0).level()).isEqualTo(Level.OK);
		assertThat(judge(deadlock, 1, null, 0).level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void checkWithoutThresholdsIsAlwaysOk() {
		CheckPolicy none = new CheckPolicy(Check.HEAP_USED, Double.NaN, Double.NaN, Duration.ZERO, Probe.NONE);
		assertThat(judge(none, 1e12, null, 0).level()).isEqualTo(Level.OK);
	}

	private final CheckPolicy containerMemory = new CheckPolicy(Check.CONTAINER_MEMORY, 0.85, 0.95,
			Duration.ofSeconds(15), Probe.READINESS);

	@Test
	void aTrendThatBreachesWithinTheSustainRaisesTheLevelAtOnce() {
		CheckResult result = SustainedLevel.judge(this.containerMemory, 0.70, 0.97, null, T0);
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
		assertThat(result.criticalBreachStart()).as("the value itself has not breached").isNull();
		result = SustainedLevel.judge(this.containerMemory, 0.70, 0.90, result, T0.plusSeconds(5));
		assertThat(result.level()).isEqualTo(Level.WARNING);
		result = SustainedLevel.judge(this.containerMemory, 0.70, Double.NaN, result, T0.plusSeconds(10));
		assertThat(result.level()).isEqualTo(Level.OK);
	}

	@Test
	void aLevelTheTrendRaisedHoldsWhileTheClimbCrossesTheThreshold() {
		CheckResult result = SustainedLevel.judge(this.containerMemory, 0.80, 0.97, null, T0);
		result = SustainedLevel.judge(this.containerMemory, 0.96, 1.10, result, T0.plusSeconds(5));
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
		assertThat(result.since()).isEqualTo(T0);
	}

	@Test
	void aBreachThatHasHappenedIsTheSustainsToJudgeWhateverTheTrend() {
		// A burst above the critical threshold while the memory creeps up.
		CheckResult result = SustainedLevel.judge(this.containerMemory, 0.50, 0.51, null, T0);
		result = SustainedLevel.judge(this.containerMemory, 0.97, 0.98, result, T0.plusSeconds(5));
		assertThat(result.level()).isEqualTo(Level.OK);
		result = SustainedLevel.judge(this.containerMemory, 0.97, 0.98, result, T0.plusSeconds(20));
		assertThat(result.level()).as("once the breach has lasted the sustain").isEqualTo(Level.CRITICAL);
		// From warning, though, a creep that reaches critical within the sustain counts.
		result = SustainedLevel.judge(this.containerMemory, 0.90, 0.96, null, T0);
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void aTrendNeverLowersTheLevelOfTheValue() {
		CheckResult result = SustainedLevel.judge(this.containerMemory, 0.96, 0.50, null, T0);
		result = SustainedLevel.judge(this.containerMemory, 0.96, 0.50, result, T0.plusSeconds(15));
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void aTrendDoesNotMakeAnUnknownValueKnown() {
		assertThat(SustainedLevel.judge(this.containerMemory, Double.NaN, 0.99, null, T0).level())
			.isEqualTo(Level.UNKNOWN);
	}

	@Test
	void aCheckWhoseLowerValuesAreWorseBreachesAtOrBelowItsThresholds() {
		CheckPolicy heapGrowth = new CheckPolicy(Check.HEAP_GROWTH, 6 * 3600, 3600, Duration.ofSeconds(15), Probe.NONE);
		CheckResult result = judge(heapGrowth, 1800, null, 0);
		assertThat(result.level()).isEqualTo(Level.OK);
		assertThat(judge(heapGrowth, 1800, result, 15).level()).isEqualTo(Level.CRITICAL);
		assertThat(judge(heapGrowth, 3600, null, 0).criticalBreachStart()).isEqualTo(T0);
		assertThat(judge(heapGrowth, 4 * 3600, null, 0).warningBreachStart()).isEqualTo(T0);
		assertThat(judge(heapGrowth, Double.POSITIVE_INFINITY, null, 0).level()).isEqualTo(Level.OK);
	}

}
