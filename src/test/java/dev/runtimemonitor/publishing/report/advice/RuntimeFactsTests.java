package dev.runtimemonitor.publishing.report.advice;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeFactsTests {

	private static final Evaluator EVALUATOR = new Evaluator(
			List.of(new CheckPolicy(Check.GC_OVERHEAD, 0.07, 0.25, Duration.ZERO, Probe.NONE)), Duration.ofSeconds(60));

	@Test
	void judgesAgainstTheLimitsOfTheEvaluatedChecks() {
		RuntimeFacts facts = RuntimeFacts.of(EVALUATOR.evaluate(atSeconds(0).heap(300, 1000).build(), null, null),
				FactsBuilder.healthy().build().jvm(), Duration.ofMinutes(5));
		assertThat(facts.limits().gcOverhead()).isEqualTo(0.07);
		assertThat(facts.heapMaxBytes()).isEqualTo(1000);
		assertThat(facts.readings().heap().usedBytes()).isEqualTo(300);
	}

	@Test
	void fallsBackOnTheMaximumHeapReadAtStartUpAndKnowsThereIsNoContainerLimit() {
		RuntimeFacts facts = RuntimeFacts.of(EVALUATOR.evaluate(atSeconds(0).build(), null, null),
				FactsBuilder.healthy().build().jvm(), Duration.ofMinutes(5));
		assertThat(facts.heapMaxBytes()).as("the maximum read at start-up").isEqualTo(2 * FactsBuilder.GIB);
		assertThat(facts.hasContainerLimit()).isFalse();
		assertThat(facts.readings().threads().live()).isNaN();
	}

}
