package dev.runtimemonitor.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.sampling.gc.GcPause;
import dev.runtimemonitor.sampling.gc.GcPauseRecorder;
import dev.runtimemonitor.sampling.gc.GcPauseSource;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accelerated long run: tens of thousands of ticks on a mock clock and a hundred
 * thousand recorded pauses. What the monitor keeps stays at the bounds of its rings and
 * windows, counted in entries. The heap it retains is measured by
 * {@code RetainedMemoryBenchmark} in a JVM of its own: here, cached Spring contexts of
 * other test classes keep ticking and the heap moves with them.
 */
class RetainedMemoryTests {

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	@Test
	void whatTheMonitorKeepsStaysAtItsBoundsOverTensOfThousandsOfTicks() {
		MockClock clock = new MockClock();
		// Not started: the test records the pauses itself.
		GcEventSubscription subscription = new GcEventSubscription(GcEventSubscription.Source.AUTO);
		GcPauseRecorder pauses = subscription.recorder();
		RuntimeSampler sampler = new RuntimeSampler(
				SampleSources.platform().withPauses(new GcPauseSource(subscription, Duration.ofMinutes(5), clock)),
				clock, Duration.ofSeconds(30));
		RuntimeMonitor monitor = new RuntimeMonitor(sampler,
				new Evaluator(
						List.of(new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ofSeconds(60), Probe.LIVENESS),
								new CheckPolicy(Check.GC_PAUSE, 0.2, 1, Duration.ofSeconds(15), Probe.READINESS)),
						Duration.ofMinutes(1)),
				clock, INTERVAL, Duration.ofMinutes(5));
		run(monitor, pauses, clock, 5_000);
		assertKeptAtTheBounds(monitor, pauses, clock);
		run(monitor, pauses, clock, 25_000);
		assertKeptAtTheBounds(monitor, pauses, clock);
	}

	private static void assertKeptAtTheBounds(RuntimeMonitor monitor, GcPauseRecorder pauses, MockClock clock) {
		// A window of five minutes at one tick a second, and two ticks of slack
		assertThat(monitor.history().capacity()).isEqualTo(302);
		assertThat(monitor.history().toList()).hasSize(monitor.history().capacity());
		assertThat(monitor.history().toList().getLast().snapshot().time())
			.isEqualTo(Instant.ofEpochMilli(clock.wallTime()).minus(INTERVAL));
		assertThat(pauses.figures(Instant.ofEpochMilli(clock.wallTime()), Duration.ofDays(365)).windowPauses())
			.isEqualTo(8192);
	}

	private static void run(RuntimeMonitor monitor, GcPauseRecorder pauses, MockClock clock, int ticks) {
		for (int i = 0; i < ticks; i++) {
			for (int p = 0; p < 4; p++) {
				pauses.recordPause(new GcPause(i, "G1New", "young", "G1 Evacuation Pause", 1_000_000 + p,
						Instant.ofEpochMilli(clock.wallTime())));
			}
			monitor.tick();
			clock.add(INTERVAL);
		}
	}

}
