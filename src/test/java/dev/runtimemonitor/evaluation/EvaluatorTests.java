package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.testsupport.SnapshotBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTests {

	private static final Duration MINIMUM_SPAN = Duration.ofSeconds(60);

	private static CheckPolicy policy(Check check, double warning, double critical) {
		return new CheckPolicy(check, warning, critical, Duration.ZERO, Probe.NONE);
	}

	private static Evaluator evaluator(CheckPolicy... policies) {
		return new Evaluator(Arrays.asList(policies), MINIMUM_SPAN);
	}

	private static CheckResult evaluate(CheckPolicy policy, RuntimeSnapshot snapshot) {
		return evaluate(policy, snapshot, null);
	}

	private static CheckResult evaluate(CheckPolicy policy, RuntimeSnapshot snapshot,
			@Nullable RuntimeSnapshot windowStart) {
		CheckResult result = evaluator(policy).evaluate(snapshot, windowStart, null).result(policy.check());
		assertThat(result).isNotNull();
		return result;
	}

	@Test
	void threadsCheckJudgesLivePlatformThreads() {
		CheckResult result = evaluate(policy(Check.THREADS, 10, 20), atSeconds(0).threads(25).build());
		assertThat(result.value()).isEqualTo(25);
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void everyCheckIsUnknownWhenItsSourceIsMissing() {
		RuntimeSnapshot empty = atSeconds(0).build();
		List<CheckPolicy> policies = Arrays.stream(Check.values())
			.filter((check) -> check != Check.SAMPLER)
			.map((check) -> policy(check, 0.5, 1))
			.toList();
		Evaluation evaluation = new Evaluator(policies, MINIMUM_SPAN).evaluate(empty, empty, null);
		assertThat(evaluation.results()).hasSize(policies.size())
			.allSatisfy((result) -> assertThat(result.level()).isEqualTo(Level.UNKNOWN));
	}

	@Test
	void heapCheckJudgesHeapAfterTheLastCollectionOverMaximum() {
		RuntimeSnapshot snapshot = atSeconds(0).heap(900, 1000).gc(850).build();
		CheckResult result = evaluate(policy(Check.HEAP, 0.8, 0.95), snapshot);
		assertThat(result.value()).isEqualTo(0.85);
		assertThat(result.level()).isEqualTo(Level.WARNING);
	}

	@Test
	void heapCheckIsUnknownBeforeTheFirstCollection() {
		RuntimeSnapshot snapshot = atSeconds(0).heap(900, 1000).gc(-1).build();
		assertThat(evaluate(policy(Check.HEAP, 0.8, 0.95), snapshot).level()).isEqualTo(Level.UNKNOWN);
	}

	@Test
	void heapUsedCheckJudgesBytes() {
		RuntimeSnapshot snapshot = atSeconds(0).heap(2_000_000_000L, 4_000_000_000L).build();
		CheckResult result = evaluate(policy(Check.HEAP_USED, 1e9, 4e9), snapshot);
		assertThat(result.value()).isEqualTo(2e9);
		assertThat(result.level()).isEqualTo(Level.WARNING);
	}

	@Test
	void containerMemoryCheckJudgesTheWorkingSetOverTheLimit() {
		RuntimeSnapshot snapshot = atSeconds(0).resident(400).container(500, 499, 490).build();
		CheckResult result = evaluate(policy(Check.CONTAINER_MEMORY, 0.85, 0.95), snapshot);
		assertThat(result.value()).isEqualTo(0.98);
		assertThat(result.level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void containerMemoryCheckFallsBackOnTheUsageWithoutAWorkingSet() {
		RuntimeSnapshot snapshot = atSeconds(0).resident(400).container(500, 450).build();
		assertThat(evaluate(policy(Check.CONTAINER_MEMORY, 0.85, 0.95), snapshot).value()).isEqualTo(0.9);
	}

	@Test
	void aSteadyContainerClimbIsJudgedWhereItLeadsByTheEndOfTheSustain() {
		CheckPolicy policy = new CheckPolicy(Check.CONTAINER_MEMORY, 0.85, 0.95, Duration.ofSeconds(15),
				Probe.READINESS);
		Evaluator evaluator = evaluator(policy);
		// 1% of the limit a second from 60%. Two rises are not yet a climb; from 75% it
		// leads to 90% by the end of the sustain, from 80% to 95%.
		Evaluation evaluation = null;
		Level[] levels = new Level[5];
		for (int i = 0; i < levels.length; i++) {
			long workingSet = 600 + 50L * i;
			RuntimeSnapshot snapshot = atSeconds(5L * i).container(1000, workingSet + 10, workingSet).build();
			evaluation = evaluator.evaluate(snapshot, null, evaluation);
			levels[i] = evaluation.result(Check.CONTAINER_MEMORY).level();
		}
		assertThat(levels).containsExactly(Level.OK, Level.OK, Level.OK, Level.WARNING, Level.CRITICAL);
		assertThat(evaluation.result(Check.CONTAINER_MEMORY).value()).isEqualTo(0.8);
	}

	@Test
	void theContainersClimbGoesOnFromThePreviousEvaluationEvenAsOfALaterMoment() {
		Evaluator evaluator = evaluator(policy(Check.CONTAINER_MEMORY, 0.85, 0.95),
				policy(Check.SAMPLER, Double.NaN, 15));
		Evaluation evaluation = null;
		for (int i = 0; i < 3; i++) {
			long workingSet = 600 + 50L * i;
			RuntimeSnapshot snapshot = atSeconds(5L * i).container(1000, workingSet + 10, workingSet).build();
			evaluation = evaluator.evaluate(snapshot, null, evaluation);
		}
		assertThat(evaluation.containerClimb().risingSamples()).isEqualTo(2);
		Evaluation overdue = evaluator.asOf(evaluation, 16, evaluation.time().plusSeconds(16));
		assertThat(overdue).as("the sampler's value grew").isNotSameAs(evaluation);
		RuntimeSnapshot third = atSeconds(15).container(1000, 760, 750).build();
		Evaluation next = evaluator.evaluate(third, null, overdue);
		assertThat(next.containerClimb().risingSamples()).isEqualTo(3);
		assertThat(next.readings().memory().containerGrowthBytesPerSecond()).isEqualTo(10);
		assertThat(evaluator.evaluate(third, null, null).readings().memory().containerGrowthBytesPerSecond())
			.as("no evaluation before it")
			.isNaN();
	}

	@Test
	void containerMemoryCheckIsUnknownWithoutALimit() {
		RuntimeSnapshot snapshot = atSeconds(0).resident(490).container(-1, 499).build();
		assertThat(evaluate(policy(Check.CONTAINER_MEMORY, 0.85, 0.95), snapshot).level()).isEqualTo(Level.UNKNOWN);
	}

	@Test
	void metaspaceCheckIsUnknownWithoutAMaximum() {
		CheckPolicy metaspace = policy(Check.METASPACE, 0.8, 0.95);
		assertThat(evaluate(metaspace, atSeconds(0).metaspace(90, 100).build()).value()).isEqualTo(0.9);
		assertThat(evaluate(metaspace, atSeconds(0).metaspace(90, -1).build()).level()).isEqualTo(Level.UNKNOWN);
	}

	@Test
	void directMemoryAndFileDescriptorChecksJudgeUseOverLimit() {
		assertThat(evaluate(policy(Check.DIRECT_MEMORY, 0.8, 0.95), atSeconds(0).directMemory(96, 100).build()).level())
			.isEqualTo(Level.CRITICAL);
		assertThat(evaluate(policy(Check.FILE_DESCRIPTORS, 0.8, 0.95), atSeconds(0).fileDescriptors(81, 100).build())
			.level()).isEqualTo(Level.WARNING);
	}

	@Test
	void deadlockCheckJudgesDeadlockedThreads() {
		CheckPolicy deadlock = policy(Check.DEADLOCK, Double.NaN, 1);
		assertThat(evaluate(deadlock, atSeconds(0).deadlocked(2).build()).level()).isEqualTo(Level.CRITICAL);
		assertThat(evaluate(deadlock, atSeconds(0).deadlocked(0).build()).level()).isEqualTo(Level.OK);
	}

	@Test
	void threadGrowthIsNetGrowthPerSecondOverTheWindow() {
		RuntimeSnapshot start = atSeconds(0).threads(100).build();
		RuntimeSnapshot now = atSeconds(100).threads(350).build();
		CheckResult result = evaluate(policy(Check.THREAD_GROWTH, 1, 10), now, start);
		assertThat(result.value()).isCloseTo(2.5, within(1e-9));
		assertThat(result.level()).isEqualTo(Level.WARNING);
	}

	@Test
	void windowRatesAreUnknownUntilTheMinimumSpanHasPassed() {
		RuntimeSnapshot start = atSeconds(0).threads(100).pauses(0, 0).build();
		RuntimeSnapshot now = atSeconds(59).threads(1000).pauses(30_000, 0).build();
		Evaluation evaluation = evaluator(policy(Check.THREAD_GROWTH, 1, 10), policy(Check.GC_OVERHEAD, 0.05, 0.25))
			.evaluate(now, start, null);
		assertThat(evaluation.results()).allSatisfy((result) -> assertThat(result.level()).isEqualTo(Level.UNKNOWN));
	}

	@Test
	void gcOverheadCountsPausesAndLeavesConcurrentCyclesOut() {
		RuntimeSnapshot start = atSeconds(0).pauses(1_000, 5_000).build();
		RuntimeSnapshot now = atSeconds(100).pauses(11_000, 95_000).build();
		CheckResult result = evaluate(policy(Check.GC_OVERHEAD, 0.05, 0.25), now, start);
		assertThat(result.value()).isCloseTo(0.10, within(1e-9));
		assertThat(result.level()).isEqualTo(Level.WARNING);
	}

	@Test
	void gcPauseCheckJudgesTheWindowsNinetyNinthPercentileInSeconds() {
		RuntimeSnapshot snapshot = atSeconds(0).recordedPauses(40, 80_000_000, 250_000_000).build();
		CheckResult result = evaluate(policy(Check.GC_PAUSE, 0.2, 1), snapshot);
		assertThat(result.value()).isEqualTo(0.25);
		assertThat(result.level()).isEqualTo(Level.WARNING);
	}

	@Test
	void gcPauseCheckIsUnknownWithoutThePauseRecorder() {
		assertThat(evaluate(policy(Check.GC_PAUSE, 0.2, 1), atSeconds(0).build()).level()).isEqualTo(Level.UNKNOWN);
	}

	@Test
	void gcOverheadAndCollectionRateComeFromTheRecordedPausesWhenThereAreAny() {
		RuntimeSnapshot start = atSeconds(0).pauses(0, 0).recordedPauses(10, 1_000_000_000L, 0).build();
		RuntimeSnapshot now = atSeconds(100).pauses(90_000, 0).recordedPauses(60, 31_000_000_000L, 0).build();
		Evaluation evaluation = evaluator(policy(Check.GC_OVERHEAD, 0.05, 0.25)).evaluate(now, start, null);
		assertThat(evaluation.result(Check.GC_OVERHEAD).value()).isCloseTo(0.30, within(1e-9));
		assertThat(evaluation.result(Check.GC_OVERHEAD).level()).isEqualTo(Level.CRITICAL);
		assertThat(evaluation.readings().gc().collectionsPerSecond()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void allocationRateComesFromThePreviousSnapshot() {
		Evaluator evaluator = evaluator(policy(Check.THREADS, 10, 20));
		Evaluation first = evaluator.evaluate(atSeconds(0).allocated(1_000).build(), null, null);
		Evaluation second = evaluator.evaluate(atSeconds(5).allocated(51_000).build(), null, first);
		assertThat(first.readings().gc().allocationBytesPerSecond()).isNaN();
		assertThat(second.readings().gc().allocationBytesPerSecond()).isCloseTo(10_000, within(1e-6));
	}

	@Test
	void sustainCarriesOverFromThePreviousEvaluation() {
		CheckPolicy threads = new CheckPolicy(Check.THREADS, 10, 20, Duration.ofSeconds(10), Probe.LIVENESS);
		Evaluator evaluator = evaluator(threads);
		Evaluation first = evaluator.evaluate(atSeconds(0).threads(30).build(), null, null);
		Evaluation second = evaluator.evaluate(atSeconds(5).threads(30).build(), null, first);
		Evaluation third = evaluator.evaluate(atSeconds(10).threads(30).build(), null, second);
		assertThat(List.of(first, second, third)).extracting((evaluation) -> evaluation.result(Check.THREADS).level())
			.containsExactly(Level.OK, Level.OK, Level.CRITICAL);
		assertThat(third.isCritical()).isTrue();
	}

	@Test
	void disabledChecksAreLeftOutAndResultsFollowCheckOrder() {
		Evaluation evaluation = evaluator(policy(Check.HEAP, 0.8, 0.9), policy(Check.THREADS, 10, 20))
			.evaluate(atSeconds(0).threads(1).build(), null, null);
		assertThat(evaluation.results()).extracting(CheckResult::check).containsExactly(Check.THREADS, Check.HEAP);
		assertThat(evaluation.result(Check.DEADLOCK)).isNull();
	}

	@Test
	void samplerCheckIsFreshWhenATickEvaluatesIt() {
		CheckResult result = evaluate(policy(Check.SAMPLER, Double.NaN, 15), atSeconds(0).build());
		assertThat(result.value()).isZero();
		assertThat(result.level()).isEqualTo(Level.OK);
	}

	@Test
	void asOfALaterMomentOnlyTheSamplersValueGrowsAndIsJudgedAsAnAge() {
		Evaluator evaluator = evaluator(policy(Check.THREADS, 10, 20), policy(Check.SAMPLER, Double.NaN, 15));
		Evaluation tick = evaluator.evaluate(atSeconds(0).threads(25).build(), null, null);
		Evaluation later = evaluator.asOf(tick, 16, tick.time().plusSeconds(16));
		assertThat(later.result(Check.THREADS)).as("nothing new was measured").isSameAs(tick.result(Check.THREADS));
		assertThat(later.readings().sampleAgeSeconds()).isEqualTo(16);
		assertThat(later.snapshot()).isSameAs(tick.snapshot());
		CheckResult sampler = later.result(Check.SAMPLER);
		assertThat(sampler.value()).isEqualTo(16);
		assertThat(sampler.level()).isEqualTo(Level.CRITICAL);
		assertThat(sampler.since()).isEqualTo(tick.time().plusSeconds(15));
	}

	@Test
	void asOfALaterMomentWithoutTheSamplerCheckIsTheTickItself() {
		Evaluator evaluator = evaluator(policy(Check.THREADS, 10, 20));
		Evaluation tick = evaluator.evaluate(atSeconds(0).threads(25).build(), null, null);
		assertThat(evaluator.asOf(tick, 16, tick.time().plusSeconds(16))).isSameAs(tick);
	}

	@Test
	void pauseTimeLeavesConcurrentCollectorsOut() {
		SnapshotBuilder builder = atSeconds(0).gc(10, new CollectorFigures("G1 Young Generation", 3, 30, false),
				new CollectorFigures("G1 Concurrent GC", 2, 7, false),
				new CollectorFigures("Shenandoah Cycles", 1, 1000, true));
		assertThat(builder.build().gc().pauseTimeMillis()).isEqualTo(37);
	}

}
