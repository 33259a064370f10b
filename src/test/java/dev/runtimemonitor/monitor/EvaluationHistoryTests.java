package dev.runtimemonitor.monitor;

import java.util.List;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Rates;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EvaluationHistoryTests {

	private static Evaluation at(long second) {
		return new Evaluation(atSeconds(second).build(), Rates.UNKNOWN, List.of());
	}

	@Test
	void keepsTheNewestEvaluationsOldestFirst() {
		EvaluationHistory history = new EvaluationHistory(3);
		for (int second = 0; second < 5; second++) {
			history.add(at(second));
		}
		assertThat(history.toList()).extracting((evaluation) -> evaluation.time().getEpochSecond() % 60)
			.containsExactly(2L, 3L, 4L);
	}

	@Test
	void findsTheOldestSnapshotAtOrAfterATime() {
		EvaluationHistory history = new EvaluationHistory(10);
		for (int second = 0; second < 50; second += 5) {
			history.add(at(second));
		}
		assertThat(history.oldestSince(12_000_000_000L).monotonicNanos()).isEqualTo(15_000_000_000L);
		assertThat(history.oldestSince(0).monotonicNanos()).isZero();
		assertThat(history.oldestSince(46_000_000_000L)).isNull();
	}

	@Test
	void rejectsAnEmptyCapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EvaluationHistory(0));
	}

}
