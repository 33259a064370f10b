package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The evaluator's level for heap-growth at its thresholds, where lower is worse:
 * HeapGrowthIT's leak of 102.4 KiB/s in a 256 MiB heap, read when the live set has
 * reached 160 MiB, is 16 minutes from full, and each threshold is set at that value, just
 * under it, or well away.
 */
class HeapGrowthCheckTests {

	private static final long MIB = 1024 * 1024;

	/** Twenty minutes of points, one a minute, each 6 MiB above the last: 102.4 KiB/s. */
	private static RuntimeSnapshot leak() {
		long[] bytes = new long[21];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = 40 * MIB + i * 6 * MIB;
		}
		return atSeconds(1200).heap(200 * MIB, 256 * MIB).liveSetEveryMinute(bytes).build();
	}

	@ParameterizedTest(name = "warning {0}, critical {1}: {2}")
	@CsvSource({ "at the value, well under, WARNING", "just under, well under, OK", "well over, at the value, CRITICAL",
			"at the value, just under, WARNING", "well under, well under, OK", "well over, well over, CRITICAL" })
	void levelAtAndJustPastEachThreshold(String warning, String critical, Level level) {
		RuntimeSnapshot snapshot = leak();
		Readings.Heap heap = Readings.of(snapshot).heap();
		double value = heap.secondsUntilFull();
		assertThat(heap.liveSetGrowthBytesPerSecond()).isCloseTo(102.4 * 1024, withinPercentage(1e-9));
		assertThat(value).as("seconds until full: 96 MiB at 0.1 MiB/s").isCloseTo(960, withinPercentage(1e-9));
		CheckPolicy policy = new CheckPolicy(Check.HEAP_GROWTH, threshold(warning, value), threshold(critical, value),
				Duration.ZERO, Probe.NONE);
		CheckResult result = new Evaluator(List.of(policy), Duration.ofMinutes(1)).evaluate(snapshot, null, null)
			.result(Check.HEAP_GROWTH);
		assertThat(result).isNotNull();
		assertThat(result.value()).isEqualTo(value);
		assertThat(result.level()).isEqualTo(level);
	}

	private static double threshold(String where, double value) {
		return switch (where) {
			case "at the value" -> value;
			case "just under" -> Math.nextDown(value);
			case "well under" -> value / 2;
			case "well over" -> value * 2;
			default -> throw new IllegalArgumentException(where);
		};
	}

}
