package dev.runtimemonitor.monitor.evidence;

import dev.runtimemonitor.sampling.evidence.NativeMemorySummary;
import dev.runtimemonitor.testsupport.JdkOutputs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeMemoryFormatterTests {

	@Test
	void writesTheLargestCategoriesThenTheSummaryAsTheJvmWroteIt() {
		String summary = JdkOutputs.nativeMemorySummary();
		Capture capture = NativeMemoryFormatter.format(NativeMemorySummary.parse(summary));
		assertThat(capture.text()).startsWith("""
				Native memory: 340,155 KB committed, 1,711,287 KB reserved; the most committed:
				       262,144 KB  Java Heap
				        42,435 KB  GC
				        13,908 KB  Shared class space
				""").endsWith(summary);
		assertThat(capture.summary()).isEqualTo(
				"native memory 332.2 MiB committed; the most: Java Heap 256.0 MiB, GC 41.4 MiB, Shared class space 13.6 MiB");
	}

	@Test
	void withoutTrackingSaysHowToTurnItOnAndWhatItCosts() {
		Capture capture = NativeMemoryFormatter.trackingOff();
		assertThat(capture.summary()).contains("-XX:NativeMemoryTracking=summary");
		assertThat(capture.text()).contains("-XX:NativeMemoryTracking=summary", "costs", "cannot be turned on");
	}

}
