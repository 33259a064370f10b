package dev.runtimemonitor.publishing.report.advice;

import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class NativeMemoryRuleTests {

	private final NativeMemoryRule rule = new NativeMemoryRule();

	/**
	 * A working set of 850 MiB of a 1000 MiB limit, exactly the 85 % limit, of which the
	 * process holds 700 MiB resident.
	 */
	private static FactsBuilder nearTheLimit(long heapCommitted) {
		return healthy().containerLimit(1000 * MIB)
			.containerMemory(900 * MIB, 850 * MIB)
			.resident(700 * MIB)
			.heap(heapCommitted / 2, heapCommitted, 1000 * MIB)
			.nonHeap(150 * MIB, 300 * MIB)
			.threads(400);
	}

	@Test
	void firesWhenTheWorkingSetNearsTheLimitWhileTheHeapIsSmall() {
		Advice advice = this.rule.apply(nearTheLimit(200 * MIB).build()).orElseThrow();
		assertThat(advice.rule()).isEqualTo("native-memory");
		assertThat(advice.finding()).contains("The container's working set is 850.0 MiB, 85.0% of its 1000.0 MiB limit")
			.contains("only 200.0 MiB committed");
		assertThat(advice.action()).contains("-XX:NativeMemoryTracking=summary")
			.contains("jcmd <pid> VM.native_memory summary")
			.contains("300.0 MiB now; cap with -XX:MaxDirectMemorySize")
			.contains("400 threads")
			.contains("The working set exceeds the process's resident memory (700.0 MiB) by 150.0 MiB: page cache")
			.contains("which Native Memory Tracking does not see");
		assertThat(advice.basis()).containsEntry("containerWorkingSetBytes", 850.0 * MIB)
			.containsEntry("containerLimitBytes", 1000.0 * MIB)
			.containsEntry("ratio", 0.85)
			.containsEntry("heapCommittedBytes", 200.0 * MIB)
			.containsEntry("residentBytes", 700.0 * MIB)
			.containsEntry("directBufferBytes", 300.0 * MIB);
	}

	@Test
	void doesNotFireJustBelowTheLimit() {
		assertThat(this.rule.apply(nearTheLimit(200 * MIB).containerMemory(900 * MIB, 849 * MIB).build())).isEmpty();
	}

	@Test
	void judgesTheWorkingSetAsTheContainerMemoryCheckDoesNotTheResidentMemory() {
		assertThat(this.rule
			.apply(nearTheLimit(200 * MIB).resident(950 * MIB).containerMemory(900 * MIB, 800 * MIB).build()))
			.as("resident memory over the limit, the working set under it")
			.isEmpty();
		Advice advice = this.rule.apply(nearTheLimit(200 * MIB).resident(850 * MIB).build()).orElseThrow();
		assertThat(advice.action()).as("nothing beyond the process").doesNotContain("exceeds");
	}

	@Test
	void judgesTheUsageWhereTheWorkingSetIsUnknown() {
		Advice advice = this.rule.apply(nearTheLimit(200 * MIB).containerMemory(850 * MIB, -1).build()).orElseThrow();
		assertThat(advice.finding()).contains("The container's memory use is 850.0 MiB, 85.0% of its");
		assertThat(advice.basis()).containsEntry("containerUsageBytes", 850.0 * MIB)
			.doesNotContainKey("containerWorkingSetBytes");
		assertThat(this.rule.apply(nearTheLimit(200 * MIB).containerMemory(849 * MIB, -1).build())).isEmpty();
	}

	@Test
	void firesUpToAHeapOfHalfTheWorkingSet() {
		assertThat(this.rule.apply(nearTheLimit(425 * MIB).build())).isPresent();
		assertThat(this.rule.apply(nearTheLimit(426 * MIB).build())).isEmpty();
	}

	@Test
	void doesNotFireWithoutAContainerLimit() {
		assertThat(this.rule.apply(nearTheLimit(200 * MIB).containerLimit(-1).build())).isEmpty();
	}

	@Test
	void saysHowToReadTrackingThatIsAlreadyOn() {
		assertThat(
				this.rule.apply(nearTheLimit(200 * MIB).nativeMemoryTracking("summary").build()).orElseThrow().action())
			.contains("Native Memory Tracking is on (summary): run jcmd");
	}

}
