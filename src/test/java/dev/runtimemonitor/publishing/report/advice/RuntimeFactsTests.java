package dev.runtimemonitor.publishing.report.advice;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeFactsTests {

	private static final Evaluator EVALUATOR = new Evaluator(
			List.of(new CheckPolicy(Check.GC_OVERHEAD, 0.07, 0.25, Duration.ZERO, Probe.NONE)), Duration.ofSeconds(60));

	@Test
	void takesTheFiguresOfAnEvaluation() {
		RuntimeSnapshot start = atSeconds(0).threads(10).heap(100, 1000).allocated(0).recordedPauses(0, 0, 0).build();
		RuntimeSnapshot now = atSeconds(60).threads(12)
			.heap(300, 1000)
			.gc(250, new CollectorFigures("G1 Young Generation", 3, 30, false))
			.recordedPauses(6, 3_000_000_000L, 400_000_000)
			.allocated(6_000)
			.resident(5_000)
			.container(8_000, 6_000)
			.build();
		Evaluation first = EVALUATOR.evaluate(start, null, null);
		Evaluation evaluation = EVALUATOR.evaluate(now, start, first);
		RuntimeFacts facts = RuntimeFacts.of(evaluation, FactsBuilder.healthy().build().jvm(), Duration.ofMinutes(5));
		assertThat(facts.threads()).isEqualTo(12);
		assertThat(facts.heapUsed()).isEqualTo(300);
		assertThat(facts.heapMax()).isEqualTo(1000);
		assertThat(facts.heapUsedAfterGc()).isEqualTo(250);
		assertThat(facts.residentBytes()).isEqualTo(5_000);
		assertThat(facts.containerLimitBytes()).isEqualTo(8_000);
		assertThat(facts.gcOverhead()).isEqualTo(0.05);
		assertThat(facts.windowPauses()).isEqualTo(6);
		assertThat(facts.pauseP99Seconds()).isEqualTo(0.4);
		assertThat(facts.allocationBytesPerSecond()).isEqualTo(100);
		assertThat(facts.limits().gcOverhead()).isEqualTo(0.07);
	}

	@Test
	void leavesWhatWasNotMeasuredUnknown() {
		RuntimeFacts facts = RuntimeFacts.of(EVALUATOR.evaluate(atSeconds(0).build(), null, null),
				FactsBuilder.healthy().build().jvm(), Duration.ofMinutes(5));
		assertThat(facts.threads()).isEqualTo(-1);
		assertThat(facts.heapUsed()).isEqualTo(-1);
		assertThat(facts.heapMax()).as("the maximum read at start-up").isEqualTo(2 * FactsBuilder.GIB);
		assertThat(facts.hasHeapUsedAfterGc()).isFalse();
		assertThat(facts.hasContainerLimit()).isFalse();
		assertThat(facts.gcOverhead()).isNaN();
		assertThat(facts.pauseP99Seconds()).isNaN();
		assertThat(facts.allocationBytesPerSecond()).isNaN();
	}

}
