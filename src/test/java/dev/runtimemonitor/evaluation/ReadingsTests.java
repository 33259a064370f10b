package dev.runtimemonitor.evaluation;

import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class ReadingsTests {

	private static final long MINUTE_NANOS = 60_000_000_000L;

	@Test
	void flattensTheFiguresOfASnapshotAndTheRatesOverItsWindow() {
		RuntimeSnapshot start = atSeconds(0).threads(10).heap(100, 1000).allocated(0).recordedPauses(0, 0, 0).build();
		RuntimeSnapshot now = atSeconds(60).threads(12)
			.heap(300, 1000)
			.gc(250, new CollectorFigures("G1 Young Generation", 3, 30, false))
			.recordedPauses(6, 3_000_000_000L, 400_000_000)
			.allocated(6_000)
			.resident(5_000)
			.container(8_000, 6_000)
			.deadlocked(0)
			.build();
		Readings readings = Readings.of(now, start, start, MINUTE_NANOS);
		assertThat(readings.threads().live()).isEqualTo(12);
		assertThat(readings.threads().growthPerSecond()).isEqualTo(2 / 60.0);
		assertThat(readings.threads().deadlocked()).isZero();
		assertThat(readings.heap().usedBytes()).isEqualTo(300);
		assertThat(readings.heap().maxBytes()).isEqualTo(1000);
		assertThat(readings.heap().usedAfterGcBytes()).isEqualTo(250);
		assertThat(readings.memory().residentBytes()).isEqualTo(5_000);
		assertThat(readings.memory().containerLimitBytes()).isEqualTo(8_000);
		assertThat(readings.memory().containerUsageBytes()).isEqualTo(6_000);
		assertThat(readings.gc().overhead()).isEqualTo(0.05);
		assertThat(readings.gc().windowPauses()).isEqualTo(6);
		assertThat(readings.gc().p99Seconds()).isEqualTo(0.4);
		assertThat(readings.gc().allocationBytesPerSecond()).isEqualTo(100);
	}

	@Test
	void theOverheadLeavesOutThePausesOfALookAtTheHeap() {
		RuntimeSnapshot start = atSeconds(0).recordedPauses(0, 0, 0).build();
		RuntimeSnapshot now = atSeconds(60).recordedPauses(2, 4_000_000_000L, 1_000_000_000L, 1_000_000_000L).build();
		assertThat(Readings.of(now, start, start, MINUTE_NANOS).gc().overhead()).isEqualTo(0.05);
	}

	@Test
	void whatWasNotMeasuredIsNaN() {
		Readings readings = Readings.of(atSeconds(0).build(), null, null, MINUTE_NANOS);
		assertThat(readings.threads().live()).isNaN();
		assertThat(readings.threads().deadlocked()).isNaN();
		assertThat(readings.heap().usedBytes()).isNaN();
		assertThat(readings.heap().usedAfterGcBytes()).isNaN();
		assertThat(readings.memory().containerLimitBytes()).isNaN();
		assertThat(readings.memory().containerWorkingSetBytes()).isNaN();
		assertThat(readings.gc().pauseSource()).isNull();
		assertThat(readings.gc().overhead()).isNaN();
		assertThat(readings.gc().p99Seconds()).isNaN();
		assertThat(readings.gc().allocationBytesPerSecond()).isNaN();
	}

	@Test
	void limitsThatDoNotApplyAreNaNNotZero() {
		Readings readings = Readings.of(atSeconds(0).container(-1, 500).fileDescriptors(10, -1).build(), null, null,
				MINUTE_NANOS);
		assertThat(readings.memory().containerLimitBytes()).isNaN();
		assertThat(readings.memory().containerUsageBytes()).isEqualTo(500);
		assertThat(readings.memory().maxFileDescriptors()).isNaN();
		assertThat(Readings.ratio(10, readings.memory().maxFileDescriptors())).isNaN();
		assertThat(Readings.ratio(10, 0)).isNaN();
	}

	@Test
	void windowRatesAreUnknownUntilTheMinimumSpanHasPassed() {
		RuntimeSnapshot start = atSeconds(0).threads(100).build();
		RuntimeSnapshot now = atSeconds(59).threads(1000).build();
		assertThat(Readings.of(now, start, start, MINUTE_NANOS).threads().growthPerSecond()).isNaN();
	}

}
