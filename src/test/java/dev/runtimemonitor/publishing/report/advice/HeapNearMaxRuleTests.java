package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.sampling.jvm.HeapSizing;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class HeapNearMaxRuleTests {

	private final HeapNearMaxRule rule = new HeapNearMaxRule();

	@Test
	void firesWhenTheHeapAfterGcReachesTheLimitOfTheMaximum() {
		RuntimeFacts facts = healthy().heap(900 * MIB, 1000 * MIB, 1000 * MIB).heapUsedAfterGc(800 * MIB).build();
		Advice advice = this.rule.apply(facts).orElseThrow();
		assertThat(advice.rule()).isEqualTo("heap-near-max");
		assertThat(advice.finding()).contains("800.0 MiB, 80.0% of the 1000.0 MiB maximum, at or above 80.0%");
		assertThat(advice.action()).contains("leak").contains("GC.heap_dump").contains("-XX:MaxRAMPercentage");
		assertThat(advice.basis()).containsEntry("heapUsedAfterGcBytes", 800.0 * MIB)
			.containsEntry("heapMaxBytes", 1000.0 * MIB)
			.containsEntry("ratio", 0.8)
			.containsEntry("limit", 0.8);
	}

	@Test
	void doesNotFireJustBelowTheLimit() {
		assertThat(
				this.rule.apply(healthy().heap(900 * MIB, 1000 * MIB, 1000 * MIB).heapUsedAfterGc(799 * MIB).build()))
			.isEmpty();
	}

	@Test
	void doesNotFireBeforeTheFirstCollection() {
		assertThat(this.rule.apply(healthy().heap(990 * MIB, 1000 * MIB, 1000 * MIB).heapUsedAfterGc(-1).build()))
			.isEmpty();
	}

	@Test
	void namesTheSettingThatSizedTheHeap() {
		RuntimeFacts facts = healthy().heapSizing(new HeapSizing(1000 * MIB, true, 25, false, -1, false))
			.heap(900 * MIB, 1000 * MIB, 1000 * MIB)
			.heapUsedAfterGc(950 * MIB)
			.build();
		assertThat(this.rule.apply(facts).orElseThrow().action()).contains("raise -Xmx (set to 1000.0 MiB)");
	}

}
