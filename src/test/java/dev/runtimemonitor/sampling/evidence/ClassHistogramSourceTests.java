package dev.runtimemonitor.sampling.evidence;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.runtimemonitor.sampling.HeapInspections;
import dev.runtimemonitor.testsupport.JdkOutputs;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassHistogramSourceTests {

	private final MockClock clock = new MockClock();

	@Test
	void runsTheHistogramCommandAndKeepsItsTopLines() {
		String fixture = JdkOutputs.classHistogram();
		AtomicInteger runs = new AtomicInteger();
		DiagnosticCommand commands = (operation, arguments) -> {
			assertThat(operation).isEqualTo("gcClassHistogram");
			assertThat(arguments).isEmpty();
			runs.incrementAndGet();
			return fixture;
		};
		HeapInspections inspections = new HeapInspections();
		ClassHistogramSource source = new ClassHistogramSource(commands, List.of(), 2, inspections, this.clock);
		ClassHistogramRun run = source.read();
		assertThat(inspections.count()).as("marked as it began and as it ended").isEqualTo(2);
		assertThat(run.histogram().top()).extracting(ClassHistogramRow::className)
			.containsExactly("[B", "java.lang.String");
		assertThat(run.gcTime()).isZero();
		assertThat(run.pause()).isEqualTo(run.took());
		assertThat(runs).hasValue(1);
	}

	@Test
	void leavesTheConcurrentCyclesItCausedOutOfThePause() {
		String fixture = JdkOutputs.classHistogram();
		AtomicLong pauseMillis = new AtomicLong();
		AtomicLong cycleMillis = new AtomicLong();
		DiagnosticCommand commands = (operation, arguments) -> {
			pauseMillis.addAndGet(5);
			cycleMillis.addAndGet(60_000);
			return fixture;
		};
		ClassHistogramSource source = new ClassHistogramSource(commands,
				List.of(collector("ZGC Major Pauses", pauseMillis), collector("ZGC Major Cycles", cycleMillis)), 2,
				new HeapInspections(), this.clock);
		ClassHistogramRun run = source.read();
		assertThat(run.gcTime()).isEqualTo(Duration.ofMillis(60_005));
		assertThat(run.pause()).as("the minute of cycles is not time the application stood still").isZero();
	}

	@Test
	void leavesOutOnlyTheWholeHeapCycleNotTheMinorCyclesThatRanBesideIt() {
		String fixture = JdkOutputs.classHistogram();
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
		ClassHistogramSource source = new ClassHistogramSource(
				commands, List.of(collector("ZGC Minor Cycles", minorCycles),
						collector("ZGC Major Pauses", majorPauses), collector("ZGC Major Cycles", majorCycles)),
				2, new HeapInspections(), this.clock);
		ClassHistogramRun run = source.read();
		assertThat(run.took()).isEqualTo(Duration.ofMillis(700));
		assertThat(run.pause()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void countsTheCollectionPausesItCausedInThePause() {
		String fixture = JdkOutputs.classHistogram();
		AtomicLong pauseMillis = new AtomicLong();
		DiagnosticCommand commands = (operation, arguments) -> {
			pauseMillis.addAndGet(60_000);
			this.clock.add(Duration.ofMinutes(1));
			return fixture;
		};
		ClassHistogramSource source = new ClassHistogramSource(commands,
				List.of(collector("G1 Old Generation", pauseMillis)), 2, new HeapInspections(), this.clock);
		ClassHistogramRun run = source.read();
		assertThat(run.gcTime()).isEqualTo(Duration.ofMinutes(1));
		assertThat(run.pause()).isEqualTo(run.took()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void findsARetainedByteArrayHeapAtTheTopOfTheJvmsOwnHistogram() {
		byte[][] retained = new byte[128][];
		for (int i = 0; i < retained.length; i++) {
			retained[i] = new byte[1024 * 1024];
		}
		ClassHistogramSource source = new ClassHistogramSource(DiagnosticCommand.platform().orElseThrow(),
				ManagementFactory.getGarbageCollectorMXBeans(), 5, new HeapInspections(), Clock.SYSTEM);
		ClassHistogramRun run = source.read();
		ClassHistogramRow top = run.histogram().top().get(0);
		assertThat(top.className()).isEqualTo("[B");
		assertThat(top.module()).startsWith("java.base@");
		assertThat(top.bytes()).isGreaterThanOrEqualTo(128L * 1024 * 1024);
		assertThat(run.pause()).isPositive().isLessThanOrEqualTo(run.took());
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
