package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JfrGcEventsTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final GcPauseRecorder recorder = new GcPauseRecorder();

	private final List<GcPause> pauses = new CopyOnWriteArrayList<>();

	private final List<ConcurrentCycle> cycles = new CopyOnWriteArrayList<>();

	JfrGcEventsTests() {
		this.recorder.addListener(new GcEventListener() {

			@Override
			public void onPause(GcPause pause) {
				JfrGcEventsTests.this.pauses.add(pause);
			}

			@Override
			public void onConcurrentCycle(ConcurrentCycle cycle) {
				JfrGcEventsTests.this.cycles.add(cycle);
			}

		});
	}

	private JfrGcEvents unstarted() {
		return new JfrGcEvents(this.recorder, new RecordingStream());
	}

	@Test
	void pausesWaitForTheirCollectionToNameIt() {
		try (JfrGcEvents events = unstarted()) {
			events.onPause(7, "Pause Remark", 2_000_000, T0);
			events.onPause(7, "Pause Cleanup", 50_000, T0.plusMillis(10));
			assertThat(this.pauses).isEmpty();
			events.onCollection(7, "G1Old", 40_000_000, 2_050_000, T0.plusMillis(11));
			assertThat(this.pauses).extracting(GcPause::collector, GcPause::kind, GcPause::durationNanos)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("G1Old", "remark", 2_000_000L),
						org.assertj.core.groups.Tuple.tuple("G1Old", "cleanup", 50_000L));
			assertThat(this.cycles).extracting(ConcurrentCycle::durationNanos).containsExactly(40_000_000L);
			assertThat(events.pendingCollections()).isZero();
		}
	}

	@Test
	void stopTheWorldCollectionIsNoConcurrentCycle() {
		try (JfrGcEvents events = unstarted()) {
			events.onPause(1, "GC Pause", 5_000_000, T0);
			events.onCollection(1, "G1New", 5_000_000, 5_000_000, T0);
			assertThat(this.pauses).singleElement().extracting(GcPause::kind).isEqualTo("young");
			assertThat(this.cycles).isEmpty();
		}
	}

	@Test
	void latePauseOfAFinishedCollectionIsRecordedAtOnce() {
		try (JfrGcEvents events = unstarted()) {
			events.onCollection(3, "ZGC Minor", 3_000_000, 10_000, T0);
			events.onPause(3, "Pause Mark End", 10_000, T0);
			assertThat(this.pauses).singleElement().extracting(GcPause::collector).isEqualTo("ZGC Minor");
		}
	}

	@Test
	void pausesThatNeverMeetTheirCollectionStayBoundedAndAreStillCounted() {
		try (JfrGcEvents events = unstarted()) {
			for (int gcId = 0; gcId < 100_000; gcId++) {
				events.onPause(gcId, "GC Pause", 1_000, T0);
			}
			assertThat(events.pendingCollections()).isEqualTo(JfrGcEvents.PENDING_LIMIT);
			assertThat(this.pauses).hasSize(100_000 - JfrGcEvents.PENDING_LIMIT)
				.allSatisfy((pause) -> assertThat(pause.collector()).isEqualTo("unknown"));
		}
	}

	@Test
	void recordsRealPausesOfThisJvmAndStopsWhenClosed() {
		int recordingsBefore = FlightRecorder.getFlightRecorder().getRecordings().size();
		JfrGcEvents events = JfrGcEvents.start(this.recorder);
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
