package dev.runtimemonitor.publishing.history;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import io.micrometer.core.instrument.Clock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An hour of history at 5 s: 720 compact points of real evaluations, bounded and holding
 * nothing of the evaluations they came from. What they cost in bytes is measured by
 * {@code HistoryFootprintBenchmark}.
 */
class HistoryFootprintTests {

	private static final int HOUR_AT_5S = 720;

	private static List<Evaluation> realEvaluations(int count) throws Exception {
		List<CheckPolicy> policies = new ArrayList<>();
		for (Check check : Check.values()) {
			policies.add(new CheckPolicy(check, 0.8, 0.95, Duration.ofSeconds(15), Probe.NONE));
		}
		Evaluator evaluator = new Evaluator(policies, Duration.ofMinutes(1));
		List<Evaluation> evaluations = new ArrayList<>(count);
		try (RuntimeSampler sampler = new RuntimeSampler(SampleSources.platform(), Clock.SYSTEM,
				Duration.ofSeconds(30))) {
			Evaluation previous = null;
			for (int i = 0; i < count; i++) {
				Evaluation evaluation = evaluator.evaluate(sampler.sample(), null, previous);
				evaluations.add(evaluation);
				previous = evaluation;
			}
		}
		return evaluations;
	}

	@Test
	void anHourOfRealEvaluationsIsKeptAsPointsOfPlainFiguresThatHoldNothingElse() throws Exception {
		List<Evaluation> evaluations = realEvaluations(HOUR_AT_5S + 10);
		RuntimeHistory history = new RuntimeHistory(HOUR_AT_5S);
		evaluations.forEach((evaluation) -> history.onEvaluation(evaluation, null));
		assertThat(history.all()).hasSize(HOUR_AT_5S)
			.extracting(HistoryPoint::epochMillis)
			.containsExactlyElementsOf(evaluations.subList(10, evaluations.size())
				.stream()
				.map((evaluation) -> evaluation.time().toEpochMilli())
				.toList());
		// A point is small because it holds figures only, never a reference to the
		// evaluation or its snapshot; its bytes are measured by
		// HistoryFootprintBenchmark.
		assertThat(HistoryPoint.class.getRecordComponents()).extracting(RecordComponent::getType)
			.allMatch(Class::isPrimitive);
	}

}
