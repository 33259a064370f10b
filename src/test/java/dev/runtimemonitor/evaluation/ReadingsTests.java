package dev.runtimemonitor.evaluation;

import java.util.Arrays;

import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadStates;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
		Readings readings = Readings.of(now, start, ContainerClimb.NONE, start, MINUTE_NANOS);
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
	void theOverheadLeavesOutThePausesOfHeapInspections() {
		RuntimeSnapshot start = atSeconds(0).recordedPauses(0, 0, 0).build();
		RuntimeSnapshot now = atSeconds(60).recordedPauses(2, 4_000_000_000L, 1_000_000_000L, 1_000_000_000L).build();
		assertThat(Readings.of(now, start, ContainerClimb.NONE, start, MINUTE_NANOS).gc().overhead()).isEqualTo(0.05);
	}

	@Test
	void whatWasNotMeasuredIsNaN() {
		Readings readings = Readings.of(atSeconds(0).build());
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
		Readings readings = Readings.of(atSeconds(0).container(-1, 500).fileDescriptors(10, -1).build());
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
		assertThat(Readings.of(now, start, ContainerClimb.NONE, start, MINUTE_NANOS).threads().growthPerSecond())
			.isNaN();
	}

	@Test
	void theContainersGrowthIsTheRateOfTheClimbItIsGiven() {
		RuntimeSnapshot snapshot = atSeconds(15).container(1_000_000, 180_050, 180_000).build();
		ContainerClimb climb = new ContainerClimb(180_000, 3, 4_000, 4_000);
		assertThat(Readings.of(snapshot, null, climb, null, MINUTE_NANOS).memory().containerGrowthBytesPerSecond())
			.isEqualTo(4_000);
		assertThat(Readings.of(snapshot).memory().containerGrowthBytesPerSecond()).as("no climb before a first sample")
			.isNaN();
	}

	@Test
	void theWorkingSetIsWhatTheContainersMemoryIsJudgedBy() {
		Readings readings = Readings.of(atSeconds(0).container(1_000, 900, 600).build());
		assertThat(readings.memory().containerUsedBytes()).isEqualTo(600);
		assertThat(Readings.of(atSeconds(0).container(1_000, 900).build()).memory().containerUsedBytes())
			.isEqualTo(900);
		assertThat(Readings.Memory.containerUsedBytes(atSeconds(0).container(1_000, 900, 600).build()))
			.as("what the climb follows")
			.isEqualTo(600);
		assertThat(Readings.Memory.containerUsedBytes(atSeconds(0).container(1_000, 900).build())).isEqualTo(900);
		assertThat(Readings.Memory.containerUsedBytes(atSeconds(0).build())).isNaN();
	}

	@Test
	void theLiveSetsGrowthTellsWhenTheHeapIsFull() {
		long mib = 1024 * 1024;
		long[] growing = new long[16];
		for (int i = 0; i < growing.length; i++) {
			growing[i] = (100 + 6L * i) * mib;
		}
		Readings readings = Readings.of(atSeconds(900).heap(200 * mib, 1024 * mib).liveSetEveryMinute(growing).build());
		assertThat(readings.heap().liveSetBytes()).isEqualTo(190 * mib);
		assertThat(readings.heap().liveSetGrowthBytesPerSecond()).isCloseTo(0.1 * mib, within(1.0));
		assertThat(readings.heap().secondsUntilFull()).isCloseTo(834 * 10.0, within(1.0));
		long[] flat = new long[16];
		Arrays.fill(flat, 100 * mib);
		Readings steady = Readings.of(atSeconds(900).heap(200 * mib, 1024 * mib).liveSetEveryMinute(flat).build());
		assertThat(steady.heap().secondsUntilFull()).isInfinite();
		assertThat(Readings.of(atSeconds(0).heap(200 * mib, 1024 * mib).build()).heap().secondsUntilFull()).isNaN();
	}

	@Test
	void theProcessCpuTimeAndItsShareOfTheWallTimeSinceThePreviousSample() {
		RuntimeSnapshot before = atSeconds(0).cpuTime(1_000_000_000L).build();
		RuntimeSnapshot now = atSeconds(4).cpuTime(7_000_000_000L).build();
		Readings readings = Readings.of(now, before, ContainerClimb.NONE, null, MINUTE_NANOS);
		assertThat(readings.cpu().processNanos()).isEqualTo(7_000_000_000L);
		assertThat(readings.cpu().processSecondsPerSecond()).isEqualTo(1.5);
		assertThat(Readings.of(now).cpu().processSecondsPerSecond()).as("no sample before it").isNaN();
		// Through seconds and back, 32.02 s would come out as 32020000000.000004 ns.
		assertThat(Readings.of(atSeconds(0).cpuTime(32_020_000_000L).build()).cpu().processNanos())
			.as("the nanoseconds the JVM counted, unconverted")
			.isEqualTo(32_020_000_000L);
	}

	@Test
	void anUnsupportedOrUnreadCpuTimeIsNaN() {
		RuntimeSnapshot before = atSeconds(0).cpuTime(1_000_000_000L).build();
		RuntimeSnapshot unsupported = atSeconds(5).cpuTime(-1).build();
		Readings readings = Readings.of(unsupported, before, ContainerClimb.NONE, null, MINUTE_NANOS);
		assertThat(readings.cpu().processNanos()).isNaN();
		assertThat(readings.cpu().processSecondsPerSecond()).isNaN();
		RuntimeSnapshot unread = atSeconds(5).build();
		assertThat(Readings.of(unread, before, ContainerClimb.NONE, null, MINUTE_NANOS).cpu().processNanos()).isNaN();
		RuntimeSnapshot after = atSeconds(10).cpuTime(2_000_000_000L).build();
		assertThat(Readings.of(after, unsupported, ContainerClimb.NONE, null, MINUTE_NANOS)
			.cpu()
			.processSecondsPerSecond()).as("the sample before it lacks the CPU time").isNaN();
	}

	@Test
	void threadsByStateAreTheTicksCountsAndNaNWhenUncounted() {
		Readings readings = Readings.of(atSeconds(0).threadStates(new ThreadStates(0, 5, 1, 20, 7, 0)).build());
		assertThat(readings.threadsByState().count(Thread.State.RUNNABLE)).isEqualTo(5);
		assertThat(readings.threadsByState().count(Thread.State.BLOCKED)).isEqualTo(1);
		assertThat(readings.threadsByState().count(Thread.State.WAITING)).isEqualTo(20);
		assertThat(readings.threadsByState().count(Thread.State.TIMED_WAITING)).isEqualTo(7);
		assertThat(readings.threadsByState().count(Thread.State.NEW)).isZero();
		for (Thread.State state : Thread.State.values()) {
			assertThat(Readings.of(atSeconds(0).build()).threadsByState().count(state)).as(state.name()).isNaN();
		}
	}

	@Test
	void collectorsAreFlattenedWithAnUndefinedCountNaN() {
		RuntimeSnapshot snapshot = atSeconds(0)
			.gc(-1, new CollectorFigures("G1 Young Generation", 15, 745, false),
					new CollectorFigures("G1 Concurrent GC", -1, -1, true))
			.build();
		assertThat(Readings.collectors(snapshot)).containsExactly(
				new Readings.Collector("G1 Young Generation", 15, 0.745, false),
				new Readings.Collector("G1 Concurrent GC", Double.NaN, Double.NaN, true));
		assertThat(Readings.collectors(atSeconds(0).build())).isEmpty();
	}

	@Test
	void pauseCausesAreInSeconds() {
		RuntimeSnapshot snapshot = atSeconds(0)
			.recordedPauses(3, 900_000_000L, 0, 500_000_000L,
					new GcPauseCause("G1 Evacuation Pause", 2, 400_000_000L, 300_000_000L, false),
					new GcPauseCause("Heap Inspection Initiated GC", 1, 500_000_000L, 500_000_000L, true))
			.build();
		assertThat(Readings.pauseCauses(snapshot)).containsExactly(
				new Readings.PauseCause("G1 Evacuation Pause", 2, 0.4, 0.3, false),
				new Readings.PauseCause("Heap Inspection Initiated GC", 1, 0.5, 0.5, true));
		assertThat(Readings.pauseCauses(atSeconds(0).build())).isEmpty();
	}

	@Test
	void theJvmSettingsFiguresAreNaNWhereTheJvmDidNotSayOrTheCollectorHasNone() {
		JvmSettings known = settings(new GcChoice(Collector.G1, false, 200, 0, false),
				new HeapSizing(256L << 20, true, 25.0, false, 128L << 20, false), 1L << 30);
		assertThat(Readings.Settings.of(known))
			.isEqualTo(new Readings.Settings(1L << 30, 256L << 20, 25.0, 128L << 20, 200, 0));
		JvmSettings unknown = settings(new GcChoice(Collector.PARALLEL, true, -1, -1, false),
				new HeapSizing(-1, false, Double.NaN, false, -1, false), -1);
		Readings.Settings figures = Readings.Settings.of(unknown);
		assertThat(figures.memoryBytes()).isNaN();
		assertThat(figures.heapMaxBytes()).isNaN();
		assertThat(figures.maxRamPercentage()).isNaN();
		assertThat(figures.softMaxHeapBytes()).isNaN();
		assertThat(figures.pauseGoalMillis()).isNaN();
		assertThat(figures.periodicGcIntervalMillis()).isNaN();
	}

	private static JvmSettings settings(GcChoice gc, HeapSizing heap, long memory) {
		return new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25+36-LTS", "Linux 6.1", "amd64", 2,
				memory, gc, heap, "off");
	}

}
