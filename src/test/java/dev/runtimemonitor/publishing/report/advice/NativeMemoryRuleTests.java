package dev.runtimemonitor.publishing.report.advice;

import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.MIB;
import static dev.runtimemonitor.publishing.report.advice.FactsBuilder.healthy;
import static org.assertj.core.api.Assertions.assertThat;

class NativeMemoryRuleTests {

	private final NativeMemoryRule rule = new NativeMemoryRule();

	/** Resident 850 MiB of a 1000 MiB limit: exactly the 85 % limit. */
	private static FactsBuilder nearTheLimit(long heapCommitted) {
		return healthy().containerLimit(1000 * MIB)
			.resident(850 * MIB)
			.heap(heapCommitted / 2, heapCommitted, 1000 * MIB)
			.nonHeap(150 * MIB, 300 * MIB)
			.threads(400);
	}

	@Test
	void firesWhenResidentMemoryNearsTheLimitWhileTheHeapIsSmall() {
		Advice advice = this.rule.apply(nearTheLimit(200 * MIB).build()).orElseThrow();
		assertThat(advice.rule()).isEqualTo("native-memory");
		assertThat(advice.finding()).contains("Resident memory is 850.0 MiB, 85.0% of the 1000.0 MiB container limit")
			.contains("only 200.0 MiB committed");
		assertThat(advice.action()).contains("-XX:NativeMemoryTracking=summary")
			.contains("jcmd <pid> VM.native_memory summary")
			.contains("300.0 MiB now; cap with -XX:MaxDirectMemorySize")
			.contains("400 threads");
		assertThat(advice.evidence()).containsEntry("residentBytes", 850.0 * MIB)
			.containsEntry("containerLimitBytes", 1000.0 * MIB)
			.containsEntry("ratio", 0.85)
			.containsEntry("heapCommittedBytes", 200.0 * MIB)
			.containsEntry("directBufferBytes", 300.0 * MIB);
	}

	@Test
	void doesNotFireJustBelowTheLimit() {
		assertThat(this.rule.apply(nearTheLimit(200 * MIB).resident(849 * MIB).build())).isEmpty();
	}

	@Test
	void firesUpToAHeapOfHalfTheResidentMemory() {
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
