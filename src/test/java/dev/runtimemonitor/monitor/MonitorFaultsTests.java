package dev.runtimemonitor.monitor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.testsupport.Samplers;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults inside the monitor, on the real schedule: a source that throws, one that hangs,
 * and errors that would kill a sampling thread. Sampling goes on, or the sampler check
 * turns critical within three intervals.
 * <p>
 * The monitor's clock is one the test moves: on the system clock, a few hundred
 * milliseconds in which a busy machine runs neither the monitor's thread nor the test's
 * would age the last sample past the sampler's critical threshold, and the ages asserted
 * here would be the machine's, not the monitor's.
 */
class MonitorFaultsTests {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private static final CheckPolicy SAMPLER = new CheckPolicy(Check.SAMPLER, Double.NaN, 0.3, Duration.ZERO,
			Probe.LIVENESS);

	private static final CheckPolicy THREADS = new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ZERO,
			Probe.LIVENESS);

	private final MockClock clock = new MockClock();

	private RuntimeMonitor monitor;

	@AfterEach
	void stop() {
		if (this.monitor != null) {
			this.monitor.stop();
		}
	}

	private RuntimeMonitor start(java.util.function.Supplier<ThreadFigures> threads) {
		this.monitor = new RuntimeMonitor(Samplers.withThreads(this.clock, threads),
				new Evaluator(List.of(THREADS, SAMPLER), Duration.ofSeconds(1)), this.clock, INTERVAL,
				Duration.ofSeconds(1));
		this.monitor.start();
		return this.monitor;
	}

	@Test
	void sourceThatAlwaysThrowsIsCountedWhileSamplingGoesOn() {
		AtomicInteger ticks = new AtomicInteger();
		RuntimeMonitor monitor = start(() -> {
			throw new IllegalStateException("MXBean unavailable");
		});
		monitor.addListener((evaluation, previous) -> ticks.incrementAndGet());
		await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 10);
		assertThat(monitor.sampleErrors().count("threads")).isGreaterThanOrEqualTo(10);
		assertThat(monitor.latest().result(Check.THREADS).level()).isEqualTo(Level.UNKNOWN);
		assertThat(monitor.latest().snapshot().memory()).isNotNull();
		assertThat(monitor.latest().result(Check.SAMPLER).level()).isEqualTo(Level.OK);
		assertThat(monitor.failedTicks()).isZero();
	}

	@Test
	void sourceThatHangsTurnsTheSamplerCriticalWithinThreeIntervalsAndRecovers() throws InterruptedException {
		CountDownLatch hanging = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<Boolean> hang = new AtomicReference<>(false);
		RuntimeMonitor monitor = start(() -> {
			if (hang.get()) {
				hanging.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return new ThreadFigures(10, 1, 10, 10);
		});
		assertThat(monitor.latest().result(Check.SAMPLER).level()).isEqualTo(Level.OK);
		hang.set(true);
		assertThat(hanging.await(10, TimeUnit.SECONDS)).isTrue();
		// The monitor's thread is stuck in a tick now; the last good sample was taken at
		// the clock's present time, and it ages only as the test moves the clock.
		this.clock.add(INTERVAL.multipliedBy(3).minusMillis(1));
		assertThat(monitor.latest().result(Check.SAMPLER).level()).isEqualTo(Level.OK);
		this.clock.add(Duration.ofMillis(1));
		assertThat(monitor.latest().result(Check.SAMPLER).level()).isEqualTo(Level.CRITICAL);
		assertThat(monitor.latest().isCritical()).isTrue();
		hang.set(false);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> monitor.latest().result(Check.SAMPLER).level() == Level.OK);
	}

	@Test
	void errorsThatWouldKillTheSamplingThreadDoNotStopTheSchedule() {
		AtomicInteger reads = new AtomicInteger();
		RuntimeMonitor monitor = start(() -> {
			int read = reads.incrementAndGet();
			if (read == 3) {
				throw new OutOfMemoryError("simulated");
			}
			if (read == 5) {
				throw new StackOverflowError("simulated");
			}
			return new ThreadFigures(10, 1, 10, read);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= 10);
		assertThat(monitor.failedTicks()).isEqualTo(2);
		assertThat(monitor.isRunning()).isTrue();
		// The latest evaluation is a tick's after both errors, not one left from before.
		assertThat(monitor.latest().snapshot().threads().started()).isGreaterThan(5);
		assertThat(monitor.latest().result(Check.SAMPLER).level()).isEqualTo(Level.OK);
	}

	@Test
	void failingListenerNeverStopsTheSchedule() throws InterruptedException {
		RuntimeMonitor monitor = start(() -> new ThreadFigures(10, 1, 10, 10));
		CountDownLatch ticks = new CountDownLatch(5);
		monitor.addListener((evaluation, previous) -> {
			throw new IllegalStateException("listener bug");
		});
		monitor.addListener((evaluation, previous) -> ticks.countDown());
		assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(monitor.failedTicks()).isZero();
	}

}
