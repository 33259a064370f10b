package dev.runtimemonitor.sampling.gc;

import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GcCountersTests {

	@Test
	void pairsEachCollectorWithItsBeanByTheCounterName() {
		GcCounters g1 = GcCounterFixture.g1().g1Counters();
		assertThat(beansAndCollections(g1)).containsExactly("G1 Young Generation=G1New/young",
				"G1 Old Generation=G1Full/full", "G1 Concurrent GC=G1Old/remark-or-cleanup");
		GcCounters parallel = paired(List.of("PS Scavenge", "PS MarkSweep"), "Parallel young collection pauses",
				"Parallel full collection pauses");
		assertThat(beansAndCollections(parallel)).containsExactly("PS Scavenge=ParallelScavenge/young",
				"PS MarkSweep=ParallelOld/full");
		GcCounters serial = paired(List.of("Copy", "MarkSweepCompact"), "Serial young collection pauses",
				"Serial full collection pauses");
		assertThat(beansAndCollections(serial)).containsExactly("Copy=DefNew/young", "MarkSweepCompact=SerialOld/full");
	}

	@Test
	void pairsZgcOnJdk25AndJdk17WhereTheIndexesHaveGaps() {
		GcCounters generational = paired(
				List.of("ZGC Minor Cycles", "ZGC Minor Pauses", "ZGC Major Cycles", "ZGC Major Pauses"),
				"ZGC minor collection pauses", null, "ZGC major collection pauses");
		assertThat(beansAndCollections(generational)).containsExactly("ZGC Minor Pauses=ZGC Minor/pause",
				"ZGC Major Pauses=ZGC Major/pause");
		GcCounters jdk17 = paired(List.of("ZGC Cycles", "ZGC Pauses"), null, null, "Z concurrent cycle pauses");
		assertThat(beansAndCollections(jdk17)).containsExactly("ZGC Pauses=Z/pause");
	}

	@Test
	void g1OnJdk17HasTheConcurrentCycleCounterWithoutItsBean() {
		GcCounters g1 = GcCounters.of(GcCounterFixture.g1().counters(),
				List.of("G1 Young Generation", "G1 Old Generation"));
		assertThat(g1.size()).isEqualTo(3);
	}

	@Test
	void aCollectorWhosePauseBeanHasNoCounterHasNoUsableCounters() {
		GcCounterFixture shenandoah = GcCounterFixture.of("Shenandoah partial", "Shenandoah full");
		assertThatIllegalStateException()
			.isThrownBy(() -> GcCounters.of(shenandoah.counters(), List.of("Shenandoah Pauses", "Shenandoah Cycles")))
			.withMessage("Shenandoah publishes no per-pause counters");
	}

	@Test
	void incompleteCountersAreNoCounters() {
		PerfCounterFile file = PerfCounterFile.builder(ByteOrder.nativeOrder())
			.counter("sun.os.hrt.frequency", 1_000_000_000L)
			.counter("sun.rt.createVmBeginTime", GcCounterFixture.CREATED_MILLIS)
			.text("sun.gc.collector.0.name", "Serial young collection pauses")
			.counter("sun.gc.collector.0.invocations", 0)
			.build();
		assertThatIllegalStateException()
			.isThrownBy(() -> GcCounters.of(PerfCounters.of(file.buffer(), PerfCounterFile.VM_START_MILLIS, "fixture"),
					List.of("Copy")))
			.withMessage("the counters of 'Serial young collection pauses' are incomplete");
	}

	@Test
	void aReadThatAPauseInterruptsStartsOver() {
		GcCounterFixture fixture = GcCounterFixture.g1();
		GcCounters counters = fixture.g1Counters();
		long firstEnd = fixture.pause(0, 3_000_000);
		AtomicInteger reads = new AtomicInteger();
		PerfCounters perf = fixture.counters();
		// A pause passes right after the first invocation count was read: the rest of the
		// first read belongs to the next state.
		GcCounters interrupted = counters.readThrough((offset) -> {
			if (reads.incrementAndGet() == 2) {
				fixture.pause(0, 5_000_000);
			}
			return perf.read(offset);
		});
		long[] values = new long[interrupted.width()];
		interrupted.read(values);
		assertThat(values[0]).isEqualTo(2);
		assertThat(values[1]).isEqualTo(8_000_000);
		assertThat(values[3] - values[2]).isEqualTo(5_000_000);
		assertThat(values[2]).isGreaterThan(firstEnd);
		assertThat(reads.get()).as("a second whole read").isEqualTo(2 * (interrupted.width() + 3));
	}

	@Test
	void timesAreOnTheClockThatStartsWhenTheJvmsCreationBegan() {
		GcCounters counters = GcCounterFixture.g1().g1Counters();
		assertThat(counters.instantOf(1_500_000_123L).toEpochMilli()).isEqualTo(GcCounterFixture.CREATED_MILLIS + 1500);
		assertThat(counters.instantOf(1_500_000_123L).getNano() % 1_000_000).isEqualTo(123);
	}

	private static GcCounters paired(List<String> beans, String... counterNames) {
		return GcCounters.of(GcCounterFixture.of(counterNames).counters(), beans);
	}

	private static List<String> beansAndCollections(GcCounters counters) {
		return IntStream.range(0, counters.size())
			.mapToObj((i) -> counters.bean(i) + "=" + counters.collection(i) + "/" + counters.kind(i))
			.toList();
	}

}
