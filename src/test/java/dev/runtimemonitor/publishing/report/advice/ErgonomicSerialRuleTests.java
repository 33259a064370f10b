package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.sampling.jvm.Collector;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.GIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class ErgonomicSerialRuleTests {

	private final ErgonomicSerialRule rule = new ErgonomicSerialRule();

	@Test
	void firesWhenTheJvmChoseSerialInASmallContainer() {
		RuntimeFacts facts = healthy().collector(Collector.SERIAL, false).machine(1, GIB).containerLimit(GIB).build();
		Advice advice = this.rule.apply(facts).orElseThrow();
		assertThat(advice.rule()).isEqualTo("ergonomic-serial-gc");
		assertThat(advice.finding()).contains("chose the Serial collector on its own")
			.contains("1 processor(s) and 1.0 GiB of memory under a 1.0 GiB container limit");
		assertThat(advice.action()).contains("-XX:+UseG1GC");
		assertThat(advice.basis()).containsEntry("availableProcessors", 1)
			.containsEntry("physicalMemoryBytes", GIB)
			.containsEntry("containerLimitBytes", (double) GIB);
	}

	@Test
	void firesOnASmallMachineWithoutAContainerToo() {
		Advice advice = this.rule.apply(healthy().collector(Collector.SERIAL, false).machine(1, 4 * GIB).build())
			.orElseThrow();
		assertThat(advice.finding()).doesNotContain("container");
		assertThat(advice.basis()).doesNotContainKey("containerLimitBytes");
	}

	@Test
	void saysSoWhenTheMemoryTheJvmSeesIsUnknown() {
		Advice advice = this.rule.apply(healthy().collector(Collector.SERIAL, false).machine(1, -1).build())
			.orElseThrow();
		assertThat(advice.finding()).contains("1 processor(s) and unknown of memory");
		assertThat(advice.basis()).containsEntry("availableProcessors", 1).doesNotContainKey("physicalMemoryBytes");
	}

	@Test
	void doesNotFireWhenSerialWasChosenWithAFlag() {
		assertThat(this.rule.apply(healthy().collector(Collector.SERIAL, true).machine(1, GIB).build())).isEmpty();
	}

	@Test
	void doesNotFireForAnotherCollectorTheJvmChose() {
		assertThat(this.rule.apply(healthy().collector(Collector.G1, false).build())).isEmpty();
	}

}
