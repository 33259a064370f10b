package dev.runtimemonitor.publishing.history;

import java.lang.management.ManagementFactory;
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
import dev.runtimemonitor.testsupport.RetainedSize;
import io.micrometer.core.instrument.Clock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an hour of history costs: 720 compact points against 720 full evaluations of the
 * real JVM, measured by the allocation counter and estimated by {@link RetainedSize}.
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
	void anHourOfCompactPointsRetainsAFractionOfWhatFullEvaluationsWould() throws Exception {
		List<Evaluation> evaluations = realEvaluations(HOUR_AT_5S);
		List<HistoryPoint> points = evaluations.stream().map(HistoryPoint::of).toList();
		RuntimeHistory history = new RuntimeHistory(HOUR_AT_5S);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		RuntimeHistory measured = new RuntimeHistory(HOUR_AT_5S);
		for (HistoryPoint point : points) {
			measured.add(new HistoryPoint(point.epochMillis(), point.threads(), point.heapUsedBytes(),
					point.heapCommittedBytes(), point.heapMaxBytes(), point.heapUsedAfterGcBytes(),
					point.gcP50Seconds(), point.gcP90Seconds(), point.gcP99Seconds(), point.gcMaxSeconds(),
					point.gcOverhead(), point.allocationBytesPerSecond(), point.residentBytes(),
					point.containerLimitBytes(), point.levels()));
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		points.forEach(history::add);
		long compact = RetainedSize.of(history.all().toArray());
		long full = RetainedSize.of(evaluations.toArray());
		System.out.printf(
				"History of %d: compact points %d bytes allocated, %d estimated (%d per point); "
						+ "full evaluations %d estimated (%d per evaluation)%n",
				HOUR_AT_5S, allocated, compact, compact / HOUR_AT_5S, full, full / HOUR_AT_5S);
		assertThat(measured.all()).hasSize(HOUR_AT_5S);
		assertThat(compact / HOUR_AT_5S).isEqualTo(128);
		assertThat(allocated).isLessThan(HOUR_AT_5S * 128L + 4 * HOUR_AT_5S + 1024);
		assertThat(compact).isLessThan(full / 5);
	}

}
