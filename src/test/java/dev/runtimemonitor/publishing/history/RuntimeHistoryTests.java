package dev.runtimemonitor.publishing.history;

import java.util.List;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuntimeHistoryTests {

	private static RuntimeHistory historyOf(int capacity, int ticks) {
		RuntimeHistory history = new RuntimeHistory(capacity);
		Evaluation previous = null;
		for (int tick = 0; tick < ticks; tick++) {
			RuntimeSnapshot snapshot = atSeconds(tick * 5L).threads(tick).build();
			Evaluation evaluation = new Evaluation(snapshot, Readings.of(snapshot), List.of());
			history.onEvaluation(evaluation, previous);
			previous = evaluation;
		}
		return history;
	}

	@Test
	void keepsOnePointPerTickOldestFirst() {
		assertThat(historyOf(10, 3).all()).extracting(HistoryPoint::threads).containsExactly(0f, 1f, 2f);
	}

	@Test
	void dropsTheOldestPointWhenFull() {
		RuntimeHistory history = historyOf(4, 10);
		assertThat(history.all()).extracting(HistoryPoint::threads).containsExactly(6f, 7f, 8f, 9f);
		assertThat(history.capacity()).isEqualTo(4);
	}

	@Test
	void givesThePointsTakenAfterATime() {
		RuntimeHistory history = historyOf(4, 10);
		List<HistoryPoint> all = history.all();
		assertThat(history.after(all.get(1).epochMillis())).extracting(HistoryPoint::threads).containsExactly(8f, 9f);
		assertThat(history.after(all.get(1).epochMillis() - 1)).extracting(HistoryPoint::threads)
			.containsExactly(7f, 8f, 9f);
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
