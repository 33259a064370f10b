package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.sampling.GcPauseFigures;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class JfrGcEventStreamTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final GcPauseRecorder recorder = new GcPauseRecorder();

	private final List<GcPause> pauses = new CopyOnWriteArrayList<>();

	private final List<ConcurrentCycle> cycles = new CopyOnWriteArrayList<>();

	JfrGcEventStreamTests() {
		this.recorder.addListener(new GcEventListener() {

			@Override
			public void onPause(GcPause pause) {
				JfrGcEventStreamTests.this.pauses.add(pause);
			}

			@Override
			public void onConcurrentCycle(ConcurrentCycle cycle) {
				JfrGcEventStreamTests.this.cycles.add(cycle);
			}

		});
	}

	private JfrGcEventStream unstarted() {
		return new JfrGcEventStream(this.recorder, new RecordingStream());
	}

	@Test
	void pausesWaitForTheirCollectionToNameIt() {
		try (JfrGcEventStream events = unstarted()) {
			events.onPause(7, "Pause Remark", 2_000_000, T0);
			events.onPause(7, "Pause Cleanup", 50_000, T0.plusMillis(10));
			assertThat(this.pauses).isEmpty();
			events.onCollection(7, "G1Old", "G1 Evacuation Pause", 40_000_000, 2_050_000, T0.plusMillis(11));
			assertThat(this.pauses).extracting(GcPause::collector, GcPause::kind, GcPause::durationNanos)
				.containsExactly(tuple("G1Old", "remark", 2_000_000L), tuple("G1Old", "cleanup", 50_000L));
			assertThat(this.cycles).extracting(ConcurrentCycle::durationNanos).containsExactly(40_000_000L);
			assertThat(events.pendingPauses()).isZero();
		}
	}

	@Test
	void pausesTakeTheCauseOfTheirCollectionWhicheverArrivesFirst() {
		try (JfrGcEventStream events = unstarted()) {
			events.onPause(1, "GC Pause", 5_000_000, T0);
			events.onCollection(1, "G1Full", "System.gc()", 5_000_000, 5_000_000, T0);
			events.onCollection(2, "G1New", "G1 Humongous Allocation", 1_000_000, 1_000_000, T0);
			events.onPause(2, "GC Pause", 1_000_000, T0);
			assertThat(this.pauses).extracting(GcPause::gcId, GcPause::cause)
				.containsExactly(tuple(1L, "System.gc()"), tuple(2L, "G1 Humongous Allocation"));
		}
	}

	@Test
	void stopTheWorldCollectionIsNoConcurrentCycle() {
		try (JfrGcEventStream events = unstarted()) {
			events.onPause(1, "GC Pause", 5_000_000, T0);
			events.onCollection(1, "G1New", "G1 Evacuation Pause", 5_000_000, 5_000_000, T0);
			assertThat(this.pauses).singleElement().extracting(GcPause::kind).isEqualTo("young");
			assertThat(this.cycles).isEmpty();
		}
	}

	@Test
	void latePauseOfAFinishedCollectionIsRecordedAtOnce() {
		try (JfrGcEventStream events = unstarted()) {
			events.onCollection(3, "ZGC Minor", "Allocation Rate", 3_000_000, 10_000, T0);
			events.onPause(3, "Pause Mark End", 10_000, T0);
			assertThat(this.pauses).singleElement().extracting(GcPause::collector).isEqualTo("ZGC Minor");
		}
	}

	/**
	 * The order generational ZGC delivers, as seen from a GC storm on this JDK: a major
	 * collection's young pauses, then hundreds of minor collections, some with their
	 * collection event ahead of their pauses and one with a pause that arrives hundreds
	 * of collections after its own; the major collection's old-generation pauses in the
	 * middle of them; and the major collection's event at the very end.
	 */
	@Test
	void generationalZgcOrderLosesAndMisnamesNothing() {
		int minors = 600;
		long major = 10;
		int delivered = 0;
		try (JfrGcEventStream events = unstarted()) {
			events.onPause(major, "Pause Mark Start (Major)", 15_000, T0);
			events.onPause(major, "Pause Mark End", 15_000, T0.plusMillis(30));
			events.onPause(major, "Pause Relocate Start", 9_000, T0.plusMillis(31));
			delivered += 3;
			for (long gcId = major + 1; gcId <= major + minors; gcId++) {
				Instant end = T0.plusMillis(40 + gcId);
				boolean collectionFirst = gcId % 7 == 0;
				if (collectionFirst) {
					events.onCollection(gcId, "ZGC Minor", "Allocation Rate", 3_000_000, 30_000, end);
				}
				events.onPause(gcId, "Pause Mark Start", 10_000, end);
				events.onPause(gcId, "Pause Mark End", 10_000, end);
				delivered += 2;
				if (gcId != major + 1) {
					events.onPause(gcId, "Pause Relocate Start", 10_000, end);
					delivered++;
				}
				if (!collectionFirst) {
					events.onCollection(gcId, "ZGC Minor", "Allocation Rate", 3_000_000, 30_000, end);
				}
				if (gcId == major + minors / 2) {
					events.onPause(major, "Pause Mark End", 13_000, end);
					events.onPause(major, "Pause Relocate Start", 9_000, end);
					delivered += 2;
				}
				if (gcId == major + 500) {
					events.onPause(major + 1, "Pause Relocate Start", 10_000, T0.plusMillis(41 + major));
					delivered++;
				}
			}
			assertThat(events.pendingPauses()).isEqualTo(5);
			events.onCollection(major, "ZGC Major", "Proactive", 400_000_000, 61_000, T0.plusMillis(700));
			assertThat(events.pendingPauses()).isZero();
		}
		assertThat(this.pauses).hasSize(delivered);
		assertThat(this.pauses).filteredOn((pause) -> pause.gcId() == major)
			.hasSize(5)
			.allSatisfy((pause) -> assertThat(pause.collector()).isEqualTo("ZGC Major"));
		assertThat(this.pauses).filteredOn((pause) -> pause.gcId() != major)
			.allSatisfy((pause) -> assertThat(pause.collector()).isEqualTo("ZGC Minor"));
		GcPauseFigures figures = this.recorder.figures(T0.plusSeconds(1), Duration.ofMinutes(1));
		assertThat(figures.pauses()).isEqualTo(delivered);
		assertThat(figures.windowPauses()).isEqualTo(delivered);
		assertThat(figures.collections()).isEqualTo(minors + 1);
	}

	@Test
	void pausesBeyondThePendingLimitAreRecordedUnnamedAndStillCounted() {
		try (JfrGcEventStream events = unstarted()) {
			for (int gcId = 0; gcId < 100_000; gcId++) {
				events.onPause(gcId, "GC Pause", 1_000, T0);
			}
			assertThat(events.pendingPauses()).isEqualTo(JfrGcEventStream.PENDING_LIMIT);
			assertThat(this.pauses).hasSize(100_000 - JfrGcEventStream.PENDING_LIMIT)
				.allSatisfy((pause) -> assertThat(pause.collector()).isEqualTo(JfrGcEventStream.UNNAMED));
		}
		assertThat(this.pauses).hasSize(100_000);
	}

	@Test
	void pausesStillWaitingWhenTheStreamClosesAreRecorded() {
		JfrGcEventStream events = unstarted();
		events.onPause(5, "Pause Init Mark", 20_000, T0);
		events.onPause(6, "Pause Final Mark", 30_000, T0);
		assertThat(this.pauses).isEmpty();
		events.close();
		assertThat(this.pauses).extracting(GcPause::gcId, GcPause::collector)
			.containsExactly(tuple(5L, JfrGcEventStream.UNNAMED), tuple(6L, JfrGcEventStream.UNNAMED));
		assertThat(events.pendingPauses()).isZero();
	}

	@Test
	void recordsRealPausesOfThisJvmAndStopsWhenClosed() {
		int recordingsBefore = FlightRecorder.getFlightRecorder().getRecordings().size();
		JfrGcEventStream events = JfrGcEventStream.start(this.recorder);
		try {
			assertThat(FlightRecorder.getFlightRecorder().getRecordings()).hasSize(recordingsBefore + 1);
			System.gc();
			await().atMost(10, TimeUnit.SECONDS).until(() -> !this.pauses.isEmpty());
			GcPause pause = this.pauses.get(0);
			assertThat(pause.durationNanos()).isPositive().isLessThan(Duration.ofSeconds(10).toNanos());
			assertThat(pause.collector()).isNotEqualTo("unknown");
			assertThat(this.recorder.figures(Instant.now(), Duration.ofMinutes(1)).collections()).isPositive();
		}
		finally {
			events.close();
		}
		assertThat(FlightRecorder.getFlightRecorder().getRecordings()).hasSize(recordingsBefore);
	}

}
