package dev.runtimemonitor.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.gc.GcPause;
import dev.runtimemonitor.sampling.gc.GcPauseRecorder;
import dev.runtimemonitor.sampling.gc.GcPauseSource;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accelerated long run: tens of thousands of ticks on a mock clock, a hundred thousand
 * recorded pauses, real collections between the checkpoints. The monitor's retained
 * memory must stay flat: rings and windows are bounded.
 */
class RetainedMemoryTests {

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	@Test
	void retainedMemoryStaysFlatOverTensOfThousandsOfTicks() {
		MockClock clock = new MockClock();
		GcPauseRecorder pauses = new GcPauseRecorder();
		RuntimeSampler sampler = new RuntimeSampler(
				SampleSources.platform().withPauses(new GcPauseSource(pauses, Duration.ofMinutes(5), clock)), clock,
				Duration.ofSeconds(30));
		RuntimeMonitor monitor = new RuntimeMonitor(sampler,
				new Evaluator(
						List.of(new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ofSeconds(60), Probe.LIVENESS),
								new CheckPolicy(Check.GC_PAUSE, 0.2, 1, Duration.ofSeconds(15), Probe.READINESS)),
						Duration.ofMinutes(1)),
				clock, INTERVAL, Duration.ofMinutes(5));
		run(monitor, pauses, clock, 5_000);
		long afterWarmUp = retainedHeap();
		run(monitor, pauses, clock, 25_000);
		long afterLongRun = retainedHeap();
		assertThat(monitor.history().toList()).hasSize(monitor.history().capacity());
		assertThat(pauses.figures(Instant.ofEpochMilli(clock.wallTime()), Duration.ofDays(365)).windowPauses())
			.isEqualTo(8192);
		assertThat(afterLongRun - afterWarmUp).as("heap retained after 25,000 more ticks, bytes")
			.isLessThan(4L * 1024 * 1024);
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

	private long retainedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return this.memory.getHeapMemoryUsage().getUsed();
	}

}
