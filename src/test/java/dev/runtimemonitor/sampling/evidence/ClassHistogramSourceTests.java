package dev.runtimemonitor.sampling.evidence;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.sampling.HeapInspections;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassHistogramSourceTests {

	private final MockClock clock = new MockClock();

	@Test
	void runsTheHistogramCommandAndKeepsItsTopLines() throws IOException {
		String fixture = ClassHistogramTests.fixture("gc-class-histogram-jdk25.txt");
		AtomicInteger runs = new AtomicInteger();
		DiagnosticCommand commands = (operation, arguments) -> {
			assertThat(operation).isEqualTo("gcClassHistogram");
			assertThat(arguments).isEmpty();
			runs.incrementAndGet();
			return fixture;
		};
		HeapInspections inspections = new HeapInspections();
		ClassHistogramSource source = new ClassHistogramSource(commands, List.of(),
				new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 2, inspections);
		ClassHistogramEvidence evidence = source.capture().orElseThrow();
		assertThat(inspections.count()).as("marked as it began and as it ended").isEqualTo(2);
		assertThat(evidence.histogram().top()).extracting(ClassHistogramRow::className)
			.containsExactly("[B", "java.lang.String");
		assertThat(evidence.gcTime()).isZero();
		assertThat(evidence.pause()).isEqualTo(evidence.took());
		assertThat(runs).hasValue(1);
	}

	@Test
	void refusesToRunAgainWithinItsRateLimit() throws IOException {
		String fixture = ClassHistogramTests.fixture("gc-class-histogram-jdk25.txt");
		AtomicInteger runs = new AtomicInteger();
		ClassHistogramSource source = new ClassHistogramSource((operation, arguments) -> {
			runs.incrementAndGet();
			return fixture;
		}, List.of(), new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 20, new HeapInspections());
		assertThat(source.capture()).isPresent();
		this.clock.add(Duration.ofMinutes(5));
		assertThat(source.capture()).isEmpty();
		assertThat(runs).hasValue(1);
		this.clock.add(Duration.ofMinutes(5));
		assertThat(source.capture()).isPresent();
		assertThat(runs).hasValue(2);
	}

	@Test
	void findsARetainedByteArrayHeapAtTheTopOfTheJvmsOwnHistogram() {
		byte[][] retained = new byte[128][];
		for (int i = 0; i < retained.length; i++) {
			retained[i] = new byte[1024 * 1024];
		}
		ClassHistogramSource source = new ClassHistogramSource(DiagnosticCommand.platform().orElseThrow(),
				ManagementFactory.getGarbageCollectorMXBeans(), new CaptureRateLimit(Duration.ZERO, this.clock), 5,
				new HeapInspections());
		Optional<ClassHistogramEvidence> evidence = source.capture();
		assertThat(evidence).isPresent();
		ClassHistogramRow top = evidence.get().histogram().top().get(0);
		assertThat(top.className()).isEqualTo("[B");
		assertThat(top.bytes()).isGreaterThanOrEqualTo(128L * 1024 * 1024);
		assertThat(evidence.get().pause()).isPositive().isLessThanOrEqualTo(evidence.get().took());
		assertThat(evidence.get().text()).contains("[B (java.base@");
		Reference.reachabilityFence(retained);
	}

}
