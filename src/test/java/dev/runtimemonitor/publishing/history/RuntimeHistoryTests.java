package dev.runtimemonitor.publishing.history;

import java.util.List;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Rates;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuntimeHistoryTests {

	private static RuntimeHistory historyOf(int capacity, int ticks) {
		RuntimeHistory history = new RuntimeHistory(capacity);
		Evaluation previous = null;
		for (int tick = 0; tick < ticks; tick++) {
			Evaluation evaluation = new Evaluation(atSeconds(tick * 5L).threads(tick).build(), Rates.UNKNOWN,
					List.of());
			history.onEvaluation(evaluation, previous);
			previous = evaluation;
		}
		return history;
	}

	@Test
	void keepsOnePointPerTickOldestFirst() {
		assertThat(historyOf(10, 3).all()).extracting(HistoryPoint::threads).containsExactly(0, 1, 2);
	}

	@Test
	void dropsTheOldestPointWhenFull() {
		RuntimeHistory history = historyOf(4, 10);
		assertThat(history.all()).extracting(HistoryPoint::threads).containsExactly(6, 7, 8, 9);
		assertThat(history.capacity()).isEqualTo(4);
	}

	@Test
	void givesThePointsTakenAfterATime() {
		RuntimeHistory history = historyOf(4, 10);
		List<HistoryPoint> all = history.all();
		assertThat(history.after(all.get(1).epochMillis())).extracting(HistoryPoint::threads).containsExactly(8, 9);
		assertThat(history.after(all.get(1).epochMillis() - 1)).extracting(HistoryPoint::threads)
			.containsExactly(7, 8, 9);
		assertThat(history.after(all.get(3).epochMillis())).isEmpty();
		assertThat(history.after(0)).hasSize(4);
	}

	@Test
	void isEmptyBeforeTheFirstTick() {
		assertThat(new RuntimeHistory(3).all()).isEmpty();
	}

	@Test
	void rejectsAnEmptyCapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RuntimeHistory(0));
	}

}
