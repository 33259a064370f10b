package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.GIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class UncommitRuleTests {

	private final UncommitRule rule = new UncommitRule();

	private static FactsBuilder committed(long committed, long live) {
		return healthy().heap(live, committed, 4 * GIB).heapUsedAfterGc(live);
	}

	@Test
	void firesWhenCommittedIsTwiceTheLiveData() {
		Advice advice = this.rule.apply(committed(200 * MIB, 100 * MIB).build()).orElseThrow();
		assertThat(advice.rule()).isEqualTo("uncommit");
		assertThat(advice.finding()).contains("keeps 200.0 MiB committed for 100.0 MiB in use after the last GC")
			.contains("100.0 MiB the process holds without needing it");
		assertThat(advice.basis()).containsEntry("heapCommittedBytes", 200.0 * MIB)
			.containsEntry("heapUsedAfterGcBytes", 100.0 * MIB)
			.containsEntry("collector", "G1")
			.containsEntry("g1PeriodicGcIntervalMillis", 0L);
	}

	@Test
	void doesNotFireBelowTwiceTheLiveData() {
		assertThat(this.rule.apply(committed(199 * MIB, 100 * MIB).build())).isEmpty();
	}

	@Test
	void needsAtLeast64MiBToGiveBack() {
		assertThat(this.rule.apply(committed(100 * MIB, 37 * MIB).build())).isEmpty();
		assertThat(this.rule.apply(committed(100 * MIB, 36 * MIB).build())).isPresent();
	}

	@Test
	void doesNotFireBeforeTheFirstCollection() {
		assertThat(this.rule.apply(committed(GIB, 100 * MIB).heapUsedAfterGc(-1).build())).isEmpty();
	}

	@Test
	void advisesPeriodicCollectionsForG1() {
		assertThat(this.rule.apply(committed(GIB, 100 * MIB).build()).orElseThrow().action())
			.contains("-XX:G1PeriodicGCInterval=300000")
			.contains("MaxHeapFreeRatio");
		GcChoice periodic = new GcChoice(Collector.G1, false, 200, 60_000, true);
		assertThat(this.rule.apply(committed(GIB, 100 * MIB).gc(periodic).build()).orElseThrow().action())
			.contains("Periodic collections are on (every 60000 ms)");
	}

	@Test
	void leavesOutThePeriodicIntervalOfACollectorWithoutOne() {
		Advice advice = this.rule.apply(committed(GIB, 100 * MIB).collector(Collector.PARALLEL, true).build())
			.orElseThrow();
		assertThat(advice.basis()).containsEntry("collector", "Parallel")
			.doesNotContainKey("g1PeriodicGcIntervalMillis");
	}

	@Test
	void advisesTheUncommitSettingsOfEachCollector() {
		assertThat(
				this.rule.apply(committed(GIB, 100 * MIB).collector(Collector.Z, true).build()).orElseThrow().action())
			.contains("ZUncommitDelay")
			.contains("SoftMaxHeapSize");
		assertThat(this.rule.apply(committed(GIB, 100 * MIB).gc(new GcChoice(Collector.Z, true, -1, -1, false)).build())
			.orElseThrow()
			.action()).contains("-XX:+ZUncommit");
		assertThat(this.rule.apply(committed(GIB, 100 * MIB).collector(Collector.SHENANDOAH, true).build())
			.orElseThrow()
			.action()).contains("ShenandoahUncommitDelay");
		assertThat(this.rule.apply(committed(GIB, 100 * MIB).collector(Collector.PARALLEL, true).build())
			.orElseThrow()
			.action()).contains("Parallel shrinks the heap only after a full GC").contains("MaxHeapFreeRatio");
	}

}
