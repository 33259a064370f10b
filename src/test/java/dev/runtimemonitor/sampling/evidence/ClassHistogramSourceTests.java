package dev.runtimemonitor.sampling.evidence;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.runtimemonitor.sampling.HeapInspections;
import io.micrometer.core.instrument.Clock;
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
				new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 2, inspections, this.clock);
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
		}, List.of(), new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 20, new HeapInspections(), this.clock);
		assertThat(source.capture()).isPresent();
		this.clock.add(Duration.ofMinutes(5));
		assertThat(source.capture()).isEmpty();
		assertThat(runs).hasValue(1);
		this.clock.add(Duration.ofMinutes(5));
		assertThat(source.capture()).isPresent();
		assertThat(runs).hasValue(2);
	}

	@Test
	void leavesTheConcurrentCyclesItCausedOutOfThePause() throws IOException {
		String fixture = ClassHistogramTests.fixture("gc-class-histogram-jdk25.txt");
		AtomicLong pauseMillis = new AtomicLong();
		AtomicLong cycleMillis = new AtomicLong();
		DiagnosticCommand commands = (operation, arguments) -> {
			pauseMillis.addAndGet(5);
			cycleMillis.addAndGet(60_000);
			return fixture;
		};
		ClassHistogramSource source = new ClassHistogramSource(commands,
				List.of(collector("ZGC Major Pauses", pauseMillis), collector("ZGC Major Cycles", cycleMillis)),
				new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 2, new HeapInspections(), this.clock);
		ClassHistogramEvidence evidence = source.capture().orElseThrow();
		assertThat(evidence.gcTime()).isEqualTo(Duration.ofMillis(60_005));
		assertThat(evidence.pause()).as("the minute of cycles is not time the application stood still").isZero();
	}

	@Test
	void leavesOutOnlyTheWholeHeapCycleNotTheMinorCyclesThatRanBesideIt() throws IOException {
		String fixture = ClassHistogramTests.fixture("gc-class-histogram-jdk25.txt");
		AtomicLong majorPauses = new AtomicLong();
		AtomicLong majorCycles = new AtomicLong();
		AtomicLong minorCycles = new AtomicLong();
		DiagnosticCommand commands = (operation, arguments) -> {
			// Generational ZGC under allocation: the histogram's own major collection
			// (600 ms, concurrent), minor collections back to back beside it (650 ms in
			// all), then the walk of the heap, 100 ms stopped; 700 ms on the clock.
			majorPauses.addAndGet(1);
			majorCycles.addAndGet(600);
			minorCycles.addAndGet(650);
			this.clock.add(Duration.ofMillis(700));
			return fixture;
		};
		ClassHistogramSource source = new ClassHistogramSource(commands,
				List.of(collector("ZGC Minor Cycles", minorCycles), collector("ZGC Major Pauses", majorPauses),
						collector("ZGC Major Cycles", majorCycles)),
				new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 2, new HeapInspections(), this.clock);
		ClassHistogramEvidence evidence = source.capture().orElseThrow();
		assertThat(evidence.took()).isEqualTo(Duration.ofMillis(700));
		assertThat(evidence.pause()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void countsTheCollectionPausesItCausedInThePause() throws IOException {
		String fixture = ClassHistogramTests.fixture("gc-class-histogram-jdk25.txt");
		AtomicLong pauseMillis = new AtomicLong();
		DiagnosticCommand commands = (operation, arguments) -> {
			pauseMillis.addAndGet(60_000);
			this.clock.add(Duration.ofMinutes(1));
			return fixture;
		};
		ClassHistogramSource source = new ClassHistogramSource(commands,
				List.of(collector("G1 Old Generation", pauseMillis)),
				new CaptureRateLimit(Duration.ofMinutes(10), this.clock), 2, new HeapInspections(), this.clock);
		ClassHistogramEvidence evidence = source.capture().orElseThrow();
		assertThat(evidence.gcTime()).isEqualTo(Duration.ofMinutes(1));
		assertThat(evidence.pause()).isEqualTo(evidence.took()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void findsARetainedByteArrayHeapAtTheTopOfTheJvmsOwnHistogram() {
		byte[][] retained = new byte[128][];
		for (int i = 0; i < retained.length; i++) {
			retained[i] = new byte[1024 * 1024];
		}
		ClassHistogramSource source = new ClassHistogramSource(DiagnosticCommand.platform().orElseThrow(),
				ManagementFactory.getGarbageCollectorMXBeans(), new CaptureRateLimit(Duration.ZERO, this.clock), 5,
				new HeapInspections(), Clock.SYSTEM);
		Optional<ClassHistogramEvidence> evidence = source.capture();
		assertThat(evidence).isPresent();
		ClassHistogramRow top = evidence.get().histogram().top().get(0);
		assertThat(top.className()).isEqualTo("[B");
		assertThat(top.bytes()).isGreaterThanOrEqualTo(128L * 1024 * 1024);
		assertThat(evidence.get().pause()).isPositive().isLessThanOrEqualTo(evidence.get().took());
		assertThat(evidence.get().text()).contains("[B (java.base@");
		Reference.reachabilityFence(retained);
	}

	private static GarbageCollectorMXBean collector(String name, AtomicLong millis) {
		return (GarbageCollectorMXBean) Proxy.newProxyInstance(ClassHistogramSourceTests.class.getClassLoader(),
				new Class<?>[] { GarbageCollectorMXBean.class },
				(proxy, method, arguments) -> switch (method.getName()) {
					case "getName" -> name;
					case "getCollectionTime" -> millis.get();
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
