package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.sampling.jvm.HeapSizing;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.GIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultHeapInContainerRuleTests {

	private final DefaultHeapInContainerRule rule = new DefaultHeapInContainerRule();

	private static FactsBuilder inContainer() {
		return healthy().containerLimit(GIB).heap(100 * MIB, 200 * MIB, 256 * MIB);
	}

	@Test
	void firesForADefaultSizedHeapUnderAContainerLimit() {
		Advice advice = this.rule.apply(inContainer().build()).orElseThrow();
		assertThat(advice.rule()).isEqualTo("default-heap-in-container");
		assertThat(advice.finding()).contains("1.0 GiB container memory limit")
			.contains("MaxRAMPercentage=25.0 (the default) gives a 256.0 MiB maximum heap, 25.0% of the limit");
		assertThat(advice.action()).contains("-XX:MaxRAMPercentage");
		assertThat(advice.basis()).containsEntry("containerLimitBytes", (double) GIB)
			.containsEntry("heapMaxBytes", 256.0 * MIB)
			.containsEntry("maxRamPercentage", 25.0)
			.containsEntry("heapShareOfLimit", 0.25);
	}

	@Test
	void doesNotFireWithoutAContainerLimit() {
		assertThat(this.rule.apply(inContainer().containerLimit(-1).build())).isEmpty();
	}

	@Test
	void doesNotFireWhenXmxWasSet() {
		assertThat(this.rule
			.apply(inContainer().heapSizing(new HeapSizing(256 * MIB, true, 25, false, -1, false)).build())).isEmpty();
	}

	@Test
	void doesNotFireWhenMaxRamPercentageWasSet() {
		assertThat(this.rule
			.apply(inContainer().heapSizing(new HeapSizing(768 * MIB, false, 75, true, -1, false)).build())).isEmpty();
	}

	@Test
	void doesNotFireWhenThePercentageCannotBeRead() {
		assertThat(this.rule
			.apply(inContainer().heapSizing(new HeapSizing(256 * MIB, false, Double.NaN, false, -1, false)).build()))
			.isEmpty();
	}

}
