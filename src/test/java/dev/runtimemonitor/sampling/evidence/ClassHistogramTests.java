package dev.runtimemonitor.sampling.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Parses the output of {@code gcClassHistogram} as JDK 25.0.3 wrote it, for a JVM that
 * kept 64 MB of {@code byte[]}, 20,000 records of its own and 100 lambdas.
 */
class ClassHistogramTests {

	static String fixture(String name) throws IOException {
		try (InputStream in = ClassHistogramTests.class.getResourceAsStream("/evidence/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void keepsTheLargestLinesAndTheTotals() throws IOException {
		ClassHistogram histogram = ClassHistogram.parse(fixture("gc-class-histogram-jdk25.txt"), 5);
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
	void readsHiddenClassesAndClassesOfTheUnnamedModule() throws IOException {
		ClassHistogram histogram = ClassHistogram.parse(fixture("gc-class-histogram-jdk25.txt"), 1000);
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

	@Test
	void writesTheTopLinesAndWhatTheCaptureCost() throws IOException {
		ClassHistogramEvidence evidence = new ClassHistogramEvidence(
				ClassHistogram.parse(fixture("gc-class-histogram-jdk25.txt"), 3), Duration.ofNanos(1_399_300_000),
				Duration.ofNanos(788_250_000), Duration.ofMillis(611));
		assertThat(evidence.text()).isEqualTo("""
				Class histogram of live objects: the 3 largest of 674 classes, by bytes
				 rank      instances            bytes  class
				    1         31,180       68,170,672  [B (java.base@25.0.3)
				    2         31,015          744,360  java.lang.String (java.base@25.0.3)
				    3         20,000          480,000  Fixture$Order
				  all        103,949       70,669,584
				Took 1399.3 ms and stopped the application for 788.3 ms; collections: 611 ms
				""");
	}

}
