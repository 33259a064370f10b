package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.GcPauseFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GcPauseRecorderTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final GcPauseRecorder recorder = new GcPauseRecorder();

	private static GcPause pause(long gcId, long millis, long endSecond) {
		return new GcPause(gcId, "G1New", "young", "G1 Evacuation Pause", millis * 1_000_000,
				T0.plusSeconds(endSecond));
	}

	@Test
	void keepsRunningTotalsAndWindowPercentiles() {
		this.recorder.started("jfr", "pauses from Flight Recorder");
		this.recorder.recordPause(pause(1, 500, 10));
		for (int i = 0; i < 10; i++) {
			this.recorder.recordPause(pause(2 + i, 2, 100 + i));
			this.recorder.recordCollection();
		}
		this.recorder.recordConcurrentCycle(new ConcurrentCycle(20, "G1Old", 40_000_000, T0.plusSeconds(110)));
		GcPauseFigures figures = this.recorder.figures(T0.plusSeconds(120), Duration.ofSeconds(60));
		assertThat(figures.source()).isEqualTo("jfr");
		assertThat(figures.pauses()).isEqualTo(11);
		assertThat(figures.collections()).isEqualTo(10);
		assertThat(figures.pauseNanos()).isEqualTo(520_000_000);
		assertThat(figures.concurrentNanos()).isEqualTo(40_000_000);
		assertThat(figures.windowPauses()).isEqualTo(10);
		assertThat(figures.windowP99Nanos()).isEqualTo(2_000_000);
		assertThat(figures.windowMaxNanos()).isEqualTo(2_000_000);
		assertThat(figures.lastPauseEnd()).isEqualTo(T0.plusSeconds(109));
	}

	@Test
	void diagnosticPausesCountInTheTotalsAndCausesButNotInTheWindowPercentiles() {
		this.recorder.recordPause(pause(1, 2, 10));
		this.recorder
			.recordPause(new GcPause(2, "G1Full", "full", GcPause.HEAP_INSPECTION, 900_000_000, T0.plusSeconds(20)));
		this.recorder.recordPause(new GcPause(3, "G1Full", "full", "System.gc()", 300_000_000, T0.plusSeconds(30)));
		this.recorder.recordPause(new GcPause(4, "G1Full", "full", "System.gc()", 100_000_000, T0.plusSeconds(40)));
		GcPauseFigures figures = this.recorder.figures(T0.plusSeconds(60), Duration.ofSeconds(60));
		assertThat(figures.pauses()).isEqualTo(4);
		assertThat(figures.pauseNanos()).isEqualTo(1_302_000_000);
		assertThat(figures.diagnosticPauseNanos()).isEqualTo(900_000_000);
		assertThat(figures.windowPauses()).isEqualTo(3);
		assertThat(figures.windowMaxNanos()).isEqualTo(300_000_000);
		assertThat(figures.windowCauses()).containsExactly(
				new GcPauseCause(GcPause.HEAP_INSPECTION, 1, 900_000_000, 900_000_000, true),
				new GcPauseCause("System.gc()", 2, 400_000_000, 300_000_000, false),
				new GcPauseCause("G1 Evacuation Pause", 1, 2_000_000, 2_000_000, false));
	}

	@Test
	void causesOfSeveralCollectorsAndKindsAddUpAndLeaveWithTheirPauses() {
		this.recorder
			.recordPause(new GcPause(1, "G1New", "young", "G1 Humongous Allocation", 5_000_000, T0.plusSeconds(5)));
		this.recorder
			.recordPause(new GcPause(2, "G1Old", "remark", "G1 Humongous Allocation", 7_000_000, T0.plusSeconds(50)));
		assertThat(this.recorder.figures(T0.plusSeconds(60), Duration.ofSeconds(60)).windowCauses())
			.containsExactly(new GcPauseCause("G1 Humongous Allocation", 2, 12_000_000, 7_000_000, false));
		assertThat(this.recorder.figures(T0.plusSeconds(70), Duration.ofSeconds(60)).windowCauses())
			.containsExactly(new GcPauseCause("G1 Humongous Allocation", 1, 7_000_000, 7_000_000, false));
	}

	@Test
	void findsTheLongestPausesOfTheWindowWithCollectorKindAndCause() {
		this.recorder.recordPause(new GcPause(1, "G1Full", "full", "System.gc()", 800_000_000, T0.plusSeconds(1)));
		this.recorder.recordPause(pause(2, 3, 30));
		this.recorder.recordPause(new GcPause(3, "G1Full", "full", "System.gc()", 500_000_000, T0.plusSeconds(40)));
		this.recorder.recordPause(pause(4, 7, 50));
		assertThat(this.recorder.longestPauses(T0.plusSeconds(60), Duration.ofSeconds(55), 2)).containsExactly(
				new GcPause(3, "G1Full", "full", "System.gc()", 500_000_000, T0.plusSeconds(40)), pause(4, 7, 50));
	}

	@Test
	void reusesItsFiguresUntilSomethingIsRecordedOrAPauseLeavesTheWindow() {
		this.recorder.recordPause(pause(1, 500, 10));
		this.recorder.recordPause(pause(2, 3, 50));
		Duration window = Duration.ofSeconds(60);
		GcPauseFigures first = this.recorder.figures(T0.plusSeconds(60), window);
		assertThat(this.recorder.figures(T0.plusSeconds(65), window)).isSameAs(first);
		GcPauseFigures afterExpiry = this.recorder.figures(T0.plusSeconds(71), window);
		assertThat(first.windowPauses()).isEqualTo(2);
		assertThat(afterExpiry.windowPauses()).isEqualTo(1);
		assertThat(afterExpiry.windowMaxNanos()).isEqualTo(3_000_000);
		this.recorder.recordPause(pause(3, 7, 72));
		assertThat(this.recorder.figures(T0.plusSeconds(72), window).windowPauses()).isEqualTo(2);
	}

	@Test
	void concurrentCyclesNeverReachThePauseFigures() {
		this.recorder.recordConcurrentCycle(new ConcurrentCycle(1, "ZGC Major", 900_000_000, T0.plusSeconds(1)));
		GcPauseFigures figures = this.recorder.figures(T0.plusSeconds(2), Duration.ofSeconds(60));
		assertThat(figures.pauses()).isZero();
		assertThat(figures.pauseNanos()).isZero();
		assertThat(figures.windowMaxNanos()).isZero();
	}

	@Test
	void tellsListenersAboutPausesAndCyclesApart() {
		List<String> heard = new ArrayList<>();
		this.recorder.addListener(new GcEventListener() {

			@Override
			public void onPause(GcPause pause) {
				heard.add("pause " + pause.kind());
			}

			@Override
			public void onConcurrentCycle(ConcurrentCycle cycle) {
				heard.add("cycle " + cycle.collector());
			}

		});
		this.recorder.recordPause(pause(1, 1, 1));
		this.recorder.recordConcurrentCycle(new ConcurrentCycle(2, "ZGC Minor", 1, T0));
		assertThat(heard).containsExactly("pause young", "cycle ZGC Minor");
	}

	@Test
	void staysBoundedUnderAHundredThousandCollections() {
		for (int i = 0; i < 100_000; i++) {
			this.recorder
				.recordPause(new GcPause(i, "G1New", "young", "G1 Evacuation Pause", 1_000 + i, T0.plusMillis(i)));
			this.recorder.recordCollection();
		}
		GcPauseFigures figures = this.recorder.figures(T0.plusSeconds(100), Duration.ofDays(1));
		assertThat(figures.pauses()).isEqualTo(100_000);
		assertThat(figures.windowPauses()).isEqualTo(GcPauseRecorder.WINDOW_CAPACITY);
		assertThat(figures.windowMaxNanos()).isEqualTo(1_000 + 99_999);
	}

}
