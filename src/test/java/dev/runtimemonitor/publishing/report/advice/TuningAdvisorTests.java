package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.sampling.jvm.Collector;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.GIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class TuningAdvisorTests {

	private final TuningAdvisor advisor = TuningAdvisor.withAllRules();

	@Test
	void givesNoAdviceToAHealthyService() {
		assertThat(this.advisor.advise(healthy().build())).isEmpty();
	}

	@Test
	void runsEveryRuleOnce() {
		assertThat(this.advisor.ruleIds()).containsExactly("heap-near-max", "native-memory", "gc-overhead",
				"pause-goal", "ergonomic-serial-gc", "default-heap-in-container", "uncommit");
	}

	@Test
	void listsTheMostPressingAdviceFirst() {
		RuntimeFacts facts = healthy().collector(Collector.SERIAL, false)
			.machine(1, GIB)
			.containerLimit(GIB)
			.heap(250 * MIB, 256 * MIB, 256 * MIB)
			.heapUsedAfterGc(240 * MIB)
			.gcOverhead(0.3)
			.resident(300 * MIB)
			.build();
		assertThat(this.advisor.advise(facts)).extracting(Advice::rule)
			.containsExactly("heap-near-max", "gc-overhead", "ergonomic-serial-gc", "default-heap-in-container");
	}

}
