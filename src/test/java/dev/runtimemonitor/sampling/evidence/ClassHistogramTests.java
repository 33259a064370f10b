package dev.runtimemonitor.sampling.evidence;

import dev.runtimemonitor.testsupport.JdkOutputs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parses the output of {@code gcClassHistogram} as JDK 25.0.3 wrote it, for a JVM that
 * kept 64 MB of {@code byte[]}, 20,000 records of its own and 100 lambdas.
 */
class ClassHistogramTests {

	@Test
	void keepsTheLargestLinesAndTheTotals() {
		ClassHistogram histogram = ClassHistogram.parse(JdkOutputs.classHistogram(), 5);
		assertThat(histogram.top()).containsExactly(new ClassHistogramRow(1, 31180, 68170672, "[B", "java.base@25.0.3"),
				new ClassHistogramRow(2, 31015, 744360, "java.lang.String", "java.base@25.0.3"),
				new ClassHistogramRow(3, 20000, 480000, "Fixture$Order", null),
				new ClassHistogramRow(4, 2232, 291656, "java.lang.Class", "java.base@25.0.3"),
				new ClassHistogramRow(5, 1817, 254600, "[Ljava.lang.Object;", "java.base@25.0.3"));
		assertThat(histogram.classes()).isEqualTo(674);
		assertThat(histogram.instances()).isEqualTo(103949);
		assertThat(histogram.bytes()).isEqualTo(70669584);
	}

	@Test
	void readsHiddenClassesAndClassesOfTheUnnamedModule() {
		ClassHistogram histogram = ClassHistogram.parse(JdkOutputs.classHistogram(), 1000);
		assertThat(histogram.top()).hasSize(674)
			.contains(new ClassHistogramRow(79, 100, 1600, "Fixture$$Lambda/0x0000000082040428", null));
		assertThat(histogram.top()).extracting(ClassHistogramRow::bytes)
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void refusesTextThatIsNotAHistogram() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassHistogram.parse("Unknown diagnostic command", 5))
			.withMessage("Not a class histogram: no 'Total' line");
	}

}
