package dev.runtimemonitor.publishing.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.testsupport.SnapshotBuilder;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryPointTests {

	@Test
	void keepsTheChartedFiguresOfAnEvaluation() {
		Evaluator evaluator = new Evaluator(List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.NONE)),
				Duration.ofSeconds(60));
		RuntimeSnapshot start = atSeconds(0).threads(5).allocated(0).recordedPauses(0, 0, 0).build();
		RuntimeSnapshot now = atSeconds(60).threads(15)
			.heap(300, 1000)
			.gc(250, new CollectorFigures("G1 Young Generation", 1, 1, false))
			.recordedPauses(4, 600_000_000, 8_000_000)
			.allocated(6_000)
			.resident(5_000)
			.container(8_000, 6_000)
			.build();
		HistoryPoint point = HistoryPoint.of(evaluator.evaluate(now, start, evaluator.evaluate(start, null, null)));
		assertThat(point).isEqualTo(new HistoryPoint(SnapshotBuilder.START.plusSeconds(60).toEpochMilli(), 15, 300,
				1000, 1000, 250, 0.004, 0.008, 0.008, 0.008, 0.01, 100, 5_000, 8_000, point.levels()));
		assertThat(point.level(Check.THREADS)).isEqualTo(Level.WARNING);
		assertThat(point.level(Check.HEAP)).as("not evaluated").isNull();
	}

	@Test
	void marksWhatWasNotMeasured() {
		RuntimeSnapshot nothing = atSeconds(0).build();
		HistoryPoint point = HistoryPoint.of(new Evaluation(nothing, Readings.of(nothing), List.of()));
		assertThat(point.threads()).isNaN();
		assertThat(point.heapUsedBytes()).isNaN();
		assertThat(point.gcP99Seconds()).isNaN();
		assertThat(point.residentBytes()).isNaN();
		assertThat(point.containerLimitBytes()).isNaN();
		assertThat(point.gcOverhead()).isNaN();
		assertThat(point.allocationBytesPerSecond()).isNaN();
	}

	@Test
	void packsEveryLevelOfEveryCheck() {
		Level[] levels = Level.values();
		List<CheckResult> results = new ArrayList<>();
		for (Check check : Check.values()) {
			Level level = levels[check.ordinal() % levels.length];
			results.add(new CheckResult(new CheckPolicy(check, 1, 2, Duration.ZERO, Probe.NONE), 0, level,
					Instant.EPOCH, null, null));
		}
		long packed = CheckLevels.pack(results);
		for (Check check : Check.values()) {
			assertThat(CheckLevels.unpack(packed, check)).as(check.id())
				.isEqualTo(levels[check.ordinal() % levels.length]);
		}
		assertThat(CheckLevels.unpack(CheckLevels.pack(List.of()), Check.SAMPLER)).isNull();
	}

}
