package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.sampling.GcPauseFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class GcCounterPausesTests {

	private static final int YOUNG = 0;

	private static final int FULL = 1;

	private static final int REMARK_OR_CLEANUP = 2;

	private final GcCounterFixture jvm = GcCounterFixture.g1();

	private final GcPauseRecorder recorder = new GcPauseRecorder();

	private final List<GcPause> recorded = new ArrayList<>();

	private final GcCounterPauses pauses;

	GcCounterPausesTests() {
		this.jvm.pause(YOUNG, 9_000_000);
		this.recorder.addListener(this.recorded::add);
		this.pauses = new GcCounterPauses(this.recorder, this.jvm.g1Counters());
	}

	@Test
	void aPauseGetsItsExactDurationAndItsNotificationsCauseAndKind() {
		long end = this.jvm.pause(YOUNG, 3_456_789);
		assertThat(this.pauses.onNotification(notified("G1 Young Generation", 2, "young", "G1 Evacuation Pause")))
			.isTrue();
		assertThat(this.recorded).containsExactly(new GcPause(2, "G1New", "young", "G1 Evacuation Pause", 3_456_789,
				Instant.ofEpochMilli(GcCounterFixture.CREATED_MILLIS).plusNanos(end)));
	}

	@Test
	void twoPausesBetweenReadsAreBothExact() {
		this.jvm.pause(YOUNG, 2_000_000);
		long end = this.jvm.pause(YOUNG, 7_000_000);
		this.pauses.onNotification(notified("G1 Young Generation", 2, "young", "G1 Evacuation Pause"));
		this.pauses.onNotification(notified("G1 Young Generation", 3, "young", "G1 Humongous Allocation"));
		assertThat(this.recorded).extracting(GcPause::gcId, GcPause::durationNanos, GcPause::cause)
			.containsExactly(tuple(2L, 2_000_000L, "G1 Evacuation Pause"),
					tuple(3L, 7_000_000L, "G1 Humongous Allocation"));
		assertThat(this.recorded.get(1).end())
			.isEqualTo(Instant.ofEpochMilli(GcCounterFixture.CREATED_MILLIS).plusNanos(end));
		assertThat(this.recorded.get(0).end()).as("before the latest began").isBefore(this.recorded.get(1).end());
		assertThat(figures().averagedPauses()).isZero();
	}

	@Test
	void ofThreeOrMoreBetweenReadsTheLatestIsExactAndTheOthersShareTheRestExactly() {
		this.jvm.pause(YOUNG, 1_000_000);
		this.jvm.pause(YOUNG, 2_000_000);
		this.jvm.pause(YOUNG, 4_000_001);
		this.jvm.pause(YOUNG, 5_000_000);
		for (long id = 2; id <= 5; id++) {
			this.pauses.onNotification(notified("G1 Young Generation", id, "young", "G1 Evacuation Pause"));
		}
		assertThat(this.recorded).extracting(GcPause::durationNanos)
			.containsExactly(2_333_334L, 2_333_334L, 2_333_333L, 5_000_000L);
		assertThat(this.recorded).extracting(GcPause::averaged).containsExactly(true, true, true, false);
		GcPauseFigures figures = figures();
		assertThat(figures.pauses()).isEqualTo(4);
		assertThat(figures.averagedPauses()).isEqualTo(3);
		assertThat(figures.pauseNanos()).as("the sum stays exact").isEqualTo(12_000_001);
	}

	@Test
	void aPauseWhoseNotificationIsLostIsRecordedWithoutACauseOnTheTickAfterTheOneThatFoundIt() {
		this.jvm.pause(FULL, 80_000_000);
		this.pauses.onTick();
		assertThat(this.recorded).as("it may still come").isEmpty();
		this.pauses.onTick();
		assertThat(this.recorded).containsExactly(
				new GcPause(1, "G1Full", "full", GcPause.UNKNOWN_CAUSE, 80_000_000, this.recorded.get(0).end()));
	}

	@Test
	void aNotificationThatComesAfterALaterOneWasLostItsOwn() {
		this.jvm.pause(YOUNG, 1_000_000);
		this.jvm.pause(YOUNG, 2_000_000);
		this.pauses.onNotification(notified("G1 Young Generation", 3, "young", "G1 Evacuation Pause"));
		assertThat(this.recorded).extracting(GcPause::gcId, GcPause::cause)
			.containsExactly(tuple(2L, GcPause.UNKNOWN_CAUSE), tuple(3L, "G1 Evacuation Pause"));
		this.pauses.onNotification(notified("G1 Young Generation", 2, "young", "G1 Evacuation Pause"));
		assertThat(this.recorded).as("recorded once").hasSize(2);
	}

	@Test
	void pausesWithoutABeanAreFoundByTheTick() {
		this.jvm.pause(REMARK_OR_CLEANUP, 1_500_000);
		this.pauses.onTick();
		this.pauses.onTick();
		assertThat(this.recorded).extracting(GcPause::collector, GcPause::kind, GcPause::durationNanos)
			.containsExactly(tuple("G1Old", "remark-or-cleanup", 1_500_000L));
	}

	@Test
	void aNotificationOfAConcurrentCycleOnlyRings() {
		this.jvm.pause(YOUNG, 1_000_000);
		assertThat(this.pauses.onNotification(null)).isFalse();
		this.pauses.onNotification(notified("G1 Young Generation", 2, "young", "G1 Evacuation Pause"));
		assertThat(this.recorded).extracting(GcPause::durationNanos).containsExactly(1_000_000L);
	}

	@Test
	void pausesBeforeTheRecordingStartedAreNotItsOwn() {
		assertThat(this.pauses.onNotification(notified("G1 Young Generation", 1, "young", "G1 Evacuation Pause")))
			.isTrue();
		this.pauses.onTick();
		this.pauses.onTick();
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void aBeanWithoutCountersIsLeftToTheNotifications() {
		assertThat(this.pauses.onNotification(notified("Shenandoah Pauses", 1, "init-mark", "Concurrent GC")))
			.isFalse();
	}

	private GcPauseFigures figures() {
		return this.recorder.figures(Instant.now(), Duration.ofDays(365_000));
	}

	private static GcPause notified(String bean, long id, String kind, String cause) {
		return new GcPause(id, bean, kind, cause, 1_000_000, Instant.EPOCH);
	}

}
