package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;

import dev.runtimemonitor.sampling.evidence.ClassHistogram;
import dev.runtimemonitor.sampling.evidence.ClassHistogramRun;
import dev.runtimemonitor.testsupport.JdkOutputs;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassHistogramFormatterTests {

	private final ClassHistogramRun run = new ClassHistogramRun(ClassHistogram.parse(JdkOutputs.classHistogram(), 3),
			Duration.ofNanos(1_399_300_000), Duration.ofNanos(788_250_000), Duration.ofMillis(611));

	@Test
	void writesTheTopLinesAndWhatTheHistogramCost() {
		assertThat(ClassHistogramFormatter.format(this.run).text()).isEqualTo("""
				Class histogram of live objects: the 3 largest of 674 classes, by bytes
				 rank      instances            bytes  class
				    1         31,180       68,170,672  [B (java.base@25.0.3)
				    2         31,015          744,360  java.lang.String (java.base@25.0.3)
				    3         20,000          480,000  Fixture$Order
				  all        103,949       70,669,584
				Took 1.4 s and stopped the application for 788 ms; collections: 611 ms
				""");
	}

	@Test
	void theSummaryNamesTheLargestClassAndItsShareOfTheLiveHeap() {
		Capture capture = ClassHistogramFormatter.format(this.run);
		assertThat(capture.summary()).isEqualTo("largest [B: 65.0 MiB in 31,180 instances, 96.5% of 67.4 MiB live; "
				+ "the application stood still 788 ms for it");
		assertThat(capture.pause()).isEqualTo(this.run.pause());
	}

	@Test
	void aRefusedHistogramSaysWhenTheNextIsAllowedInWholeSecondsRoundedUp() {
		MockClock clock = new MockClock();
		CaptureRateLimit limit = new CaptureRateLimit(Duration.ofMinutes(10), clock);
		limit.tryAcquire();
		clock.add(Duration.ofMillis(500));
		Capture refused = ClassHistogramFormatter.refused(limit);
		assertThat(refused.taken()).isFalse();
		assertThat(refused.summary())
			.isEqualTo("No class histogram: it stops the application, so it runs at most once every 600s, and the "
					+ "last one ran less than that ago; the next is allowed in 600s");
	}

}
