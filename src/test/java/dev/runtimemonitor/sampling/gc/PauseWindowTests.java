package dev.runtimemonitor.sampling.gc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.runtimemonitor.sampling.GcPauseCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PauseWindowTests {

	private static void add(PauseWindow window, long endEpochNanos, long durationNanos) {
		window.add(endEpochNanos, durationNanos, 1, "G1New", "young", "G1 Evacuation Pause");
	}

	@Test
	void hasNoPercentilesWithoutPauses() {
		assertThat(new PauseWindow(16).since(0)).isEqualTo(PauseWindow.Percentiles.NONE);
	}

	@Test
	void percentilesAreNearestRankOverThePausesInTheWindow() {
		PauseWindow window = new PauseWindow(1000);
		for (int i = 1; i <= 100; i++) {
			add(window, 1_000 + i, i * 1_000L);
		}
		PauseWindow.Percentiles percentiles = window.since(0);
		assertThat(percentiles.count()).isEqualTo(100);
		assertThat(percentiles.p50()).isEqualTo(50_000);
		assertThat(percentiles.p90()).isEqualTo(90_000);
		assertThat(percentiles.p99()).isEqualTo(99_000);
		assertThat(percentiles.max()).isEqualTo(100_000);
	}

	@Test
	void leavesOutPausesThatEndedBeforeTheWindow() {
		PauseWindow window = new PauseWindow(16);
		add(window, 100, 9_000_000);
		add(window, 200, 1_000);
		add(window, 300, 2_000);
		PauseWindow.Percentiles percentiles = window.since(150);
		assertThat(percentiles.count()).isEqualTo(2);
		assertThat(percentiles.max()).isEqualTo(2_000);
	}

	@Test
	void countsAPauseThatArrivedAfterNewerOnes() {
		PauseWindow window = new PauseWindow(16);
		add(window, 300, 1_000);
		add(window, 100, 5_000);
		add(window, 400, 2_000);
		add(window, 250, 3_000);
		PauseWindow.Percentiles percentiles = window.since(200);
		assertThat(percentiles.count()).isEqualTo(3);
		assertThat(percentiles.max()).isEqualTo(3_000);
		assertThat(percentiles.oldestEnd()).isEqualTo(250);
	}

	@Test
	void keepsOnlyTheMostRecentPausesWhenFull() {
		PauseWindow window = new PauseWindow(4);
		for (int i = 1; i <= 10; i++) {
			add(window, i, i);
		}
		PauseWindow.Percentiles percentiles = window.since(0);
		assertThat(percentiles.count()).isEqualTo(4);
		assertThat(percentiles.p50()).isEqualTo(8);
		assertThat(percentiles.max()).isEqualTo(10);
	}

	@Test
	void keepsFewLabelsHoweverManyPauses() {
		PauseWindow window = new PauseWindow(16);
		for (int i = 0; i < 1000; i++) {
			window.add(i, 1, i, "G1New", "young", new String("G1 Evacuation Pause"));
		}
		window.add(1000, 1, 1000, "G1Full", "full", "System.gc()");
		assertThat(window.causesSince(0)).extracting(GcPauseCause::cause, GcPauseCause::pauses)
			.containsExactly(tuple("G1 Evacuation Pause", 15), tuple("System.gc()", 1));
	}

	@Test
	void pastItsCapacityNewLabelsReadOther() {
		PauseWindow window = new PauseWindow(1024);
		for (int i = 0; i < PauseLabels.CAPACITY + 10; i++) {
			window.add(i, 1, i, "G1New", "young", "cause " + i);
		}
		List<GcPauseCause> causes = window.causesSince(0);
		assertThat(causes).hasSize(PauseLabels.CAPACITY);
		assertThat(causes).filteredOn((cause) -> cause.cause().equals(PauseLabels.OTHER))
			.singleElement()
			.extracting(GcPauseCause::pauses)
			.isEqualTo(11);
	}

	@Test
	void findsTheLongestPausesInTheWindowLongestFirst() {
		PauseWindow window = new PauseWindow(1024);
		Random random = new Random(42);
		List<Long> inWindow = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			long duration = 1 + random.nextInt(1_000_000);
			window.add(i, duration, i, "G1New", "young", "G1 Evacuation Pause");
			if (i >= 1500) {
				inWindow.add(duration);
			}
		}
		inWindow.sort(Comparator.reverseOrder());
		assertThat(window.longestSince(1500, 10)).extracting(GcPause::durationNanos)
			.containsExactlyElementsOf(inWindow.subList(0, 10));
		assertThat(window.longestSince(1500, 0)).isEmpty();
		assertThat(window.longestSince(5000, 10)).isEmpty();
	}

	@Test
	void singlePauseIsEveryPercentile() {
		PauseWindow window = new PauseWindow(4);
		add(window, 1, 42);
		assertThat(window.since(0)).isEqualTo(new PauseWindow.Percentiles(1, 42, 42, 42, 42, 1));
	}

}
