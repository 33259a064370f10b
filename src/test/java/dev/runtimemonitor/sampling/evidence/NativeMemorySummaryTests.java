package dev.runtimemonitor.sampling.evidence;

import dev.runtimemonitor.testsupport.JdkOutputs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parses the output of {@code vmNativeMemory summary scale=KB} as JDK 25.0.3 wrote it,
 * for a JVM with {@code -Xmx256m -XX:NativeMemoryTracking=summary}.
 */
class NativeMemorySummaryTests {

	@Test
	void readsTheTotalsAndEveryCategoryMostCommittedFirst() {
		NativeMemorySummary summary = NativeMemorySummary.parse(JdkOutputs.nativeMemorySummary());
		assertThat(summary.reservedBytes()).isEqualTo(1711287L * 1024);
		assertThat(summary.committedBytes()).isEqualTo(340155L * 1024);
		assertThat(summary.categories()).hasSize(21);
		assertThat(summary.categories()).first()
			.isEqualTo(new NativeMemoryCategory("Java Heap", 262144L * 1024, 262144L * 1024));
		assertThat(summary.categories()).contains(new NativeMemoryCategory("Class", 1048693L * 1024, 501L * 1024),
				new NativeMemoryCategory("Thread", 18490L * 1024, 762L * 1024),
				new NativeMemoryCategory("Native Memory Tracking", 281L * 1024, 281L * 1024),
				new NativeMemoryCategory("Shared class space", 16384L * 1024, 13908L * 1024));
		assertThat(summary.categories()).extracting(NativeMemoryCategory::committedBytes)
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void readsASummaryInMegabytes() {
		NativeMemorySummary summary = NativeMemorySummary.parse("""
				Native Memory Tracking:

				(Omitting categories weighting less than 1MB)

				Total: reserved=1671MB, committed=332MB
				       malloc: 14MB #15470, peak=18MB #15195
				       mmap:   reserved=1657MB, committed=318MB

				-                 Java Heap (reserved=256MB, committed=256MB)
				                            (mmap: reserved=256MB, committed=256MB, at peak)
				""");
		assertThat(summary.committedBytes()).isEqualTo(332L << 20);
		assertThat(summary.categories()).containsExactly(new NativeMemoryCategory("Java Heap", 256L << 20, 256L << 20));
	}

	@Test
	void refusesTextThatIsNotASummary() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NativeMemorySummary.parse("Native memory tracking is not enabled"))
			.withMessage("Not a native-memory summary: no 'Total:' line");
	}

}
