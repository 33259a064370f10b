package dev.runtimemonitor.sampling.gc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PauseWindowTests {

	@Test
	void hasNoPercentilesWithoutPauses() {
		assertThat(new PauseWindow(16).since(0)).isEqualTo(PauseWindow.Percentiles.NONE);
	}

	@Test
	void percentilesAreNearestRankOverThePausesInTheWindow() {
		PauseWindow window = new PauseWindow(1000);
		for (int i = 1; i <= 100; i++) {
			window.add(1_000 + i, i * 1_000L);
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
		window.add(100, 9_000_000);
		window.add(200, 1_000);
		window.add(300, 2_000);
		PauseWindow.Percentiles percentiles = window.since(150);
		assertThat(percentiles.count()).isEqualTo(2);
		assertThat(percentiles.max()).isEqualTo(2_000);
	}

	@Test
	void countsAPauseThatArrivedAfterNewerOnes() {
		PauseWindow window = new PauseWindow(16);
		window.add(300, 1_000);
		window.add(100, 5_000);
		window.add(400, 2_000);
		window.add(250, 3_000);
		PauseWindow.Percentiles percentiles = window.since(200);
		assertThat(percentiles.count()).isEqualTo(3);
		assertThat(percentiles.max()).isEqualTo(3_000);
		assertThat(percentiles.oldestEnd()).isEqualTo(250);
	}

	@Test
	void keepsOnlyTheMostRecentPausesWhenFull() {
		PauseWindow window = new PauseWindow(4);
		for (int i = 1; i <= 10; i++) {
			window.add(i, i);
		}
		PauseWindow.Percentiles percentiles = window.since(0);
		assertThat(percentiles.count()).isEqualTo(4);
		assertThat(percentiles.p50()).isEqualTo(8);
		assertThat(percentiles.max()).isEqualTo(10);
	}

	@Test
	void singlePauseIsEveryPercentile() {
		PauseWindow window = new PauseWindow(4);
		window.add(1, 42);
		assertThat(window.since(0)).isEqualTo(new PauseWindow.Percentiles(1, 42, 42, 42, 42, 1));
	}

}
