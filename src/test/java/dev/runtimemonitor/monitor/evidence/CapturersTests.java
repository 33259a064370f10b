package dev.runtimemonitor.monitor.evidence;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.sampling.HeapInspections;
import dev.runtimemonitor.sampling.evidence.ClassHistogramSource;
import dev.runtimemonitor.sampling.evidence.EvidenceSources;
import dev.runtimemonitor.sampling.evidence.NativeMemorySource;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroupsSource;
import dev.runtimemonitor.testsupport.JdkOutputs;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each kind's capturer: what it reads, when it refuses, and what it says when this JVM or
 * application lacks its source.
 */
class CapturersTests {

	private final MockClock clock = new MockClock();

	@Test
	void onlyTheEnabledKindsGetACapturer() {
		assertThat(Capturers.of(EvidenceSources.platform(this.clock), null,
				new CaptureRateLimit(Duration.ofMinutes(10), this.clock), this.clock,
				EnumSet.of(EvidenceKind.DEADLOCKS, EvidenceKind.GC_PAUSES)))
			.containsOnlyKeys(EvidenceKind.DEADLOCKS, EvidenceKind.GC_PAUSES);
	}

	@Test
	void aKindWhoseSourceIsMissingSaysSo() {
		Capture histogram = Capturers.classHistogram(null, new CaptureRateLimit(Duration.ZERO, this.clock)).capture();
		assertThat(histogram.taken()).isFalse();
		assertThat(histogram.text()).contains("diagnostic-command bean");
		Capture nativeMemory = Capturers.nativeMemory(null).capture();
		assertThat(nativeMemory.taken()).isFalse();
		assertThat(nativeMemory.text()).contains("diagnostic-command bean");
		Capture gcPauses = Capturers.gcPauses(null).capture();
		assertThat(gcPauses.taken()).isFalse();
		assertThat(gcPauses.text()).contains("GC pauses are not recorded");
	}

	@Test
	void theClassHistogramRunsAtMostOncePerItsRateLimit() {
		AtomicInteger runs = new AtomicInteger();
		ClassHistogramSource source = new ClassHistogramSource((operation, arguments) -> {
			runs.incrementAndGet();
			return JdkOutputs.classHistogram();
		}, List.of(), 20, new HeapInspections(), this.clock);
		Capturer capturer = Capturers.classHistogram(source, new CaptureRateLimit(Duration.ofMinutes(10), this.clock));
		assertThat(capturer.capture().taken()).isTrue();
		this.clock.add(Duration.ofMinutes(5));
		Capture refused = capturer.capture();
		assertThat(refused.taken()).isFalse();
		assertThat(refused.summary()).endsWith("the next is allowed in 300s");
		assertThat(runs).hasValue(1);
		this.clock.add(Duration.ofMinutes(5));
		assertThat(capturer.capture().taken()).isTrue();
		assertThat(runs).hasValue(2);
	}

	@Test
	void withoutNativeMemoryTrackingTheCaptureSaysHowToTurnItOn() {
		NativeMemorySource source = new NativeMemorySource((operation, arguments) -> fail("no command expected"),
				(name) -> Optional.empty());
		Capture capture = Capturers.nativeMemory(source).capture();
		assertThat(capture.taken()).isTrue();
		assertThat(capture.summary()).startsWith("Native Memory Tracking is off");
	}

	@Test
	void theThreadGroupsNameThePoolThatGrewSinceTheChecksWereOk() throws InterruptedException {
		ThreadGroupsCapturer capturer = new ThreadGroupsCapturer(
				new ThreadNameGroupsSource(ManagementFactory.getThreadMXBean()), this.clock);
		Capture withoutEarlier = capturer.capture();
		assertThat(withoutEarlier.text()).contains("No earlier grouping to compare with");
		capturer.checksOk();
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> leaked = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			leaked.add(Thread.ofPlatform().name("evidence-leak-" + i).daemon(true).start(() -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		try {
			Capture capture = capturer.capture();
			assertThat(capture.summary()).contains("grew most evidence-leak-* (+40 since the checks were ok)");
			assertThat(capture.text()).contains("         40  evidence-leak-*\n",
					"        +40  evidence-leak-*  (0 then, 40 now)", "when the thread checks were last ok.");
		}
		finally {
			release.countDown();
			for (Thread thread : leaked) {
				thread.join(5000);
			}
		}
	}

}
