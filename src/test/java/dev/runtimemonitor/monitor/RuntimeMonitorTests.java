package dev.runtimemonitor.monitor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.testsupport.Samplers;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class RuntimeMonitorTests {

	private static final Duration INTERVAL = Duration.ofSeconds(5);

	private final MockClock clock = new MockClock();

	private final CheckPolicy threads = new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS);

	private final CheckPolicy sampler = new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS);

	private RuntimeMonitor monitor;

	@AfterEach
	void stop() {
		if (this.monitor != null) {
			this.monitor.stop();
		}
	}

	private RuntimeMonitor monitor(RuntimeSampler sampler, CheckPolicy... policies) {
		this.monitor = new RuntimeMonitor(sampler, new Evaluator(List.of(policies), Duration.ofMinutes(1)), this.clock,
				INTERVAL, Duration.ofMinutes(5));
		return this.monitor;
	}

	private static CheckResult sampler(RuntimeMonitor monitor) {
		return monitor.latest().result(Check.SAMPLER);
	}

	private RuntimeSampler threadsSampler(AtomicInteger live) {
		return Samplers.withThreads(this.clock, () -> new ThreadFigures(live.get(), 0, live.get(), live.get()));
	}

	@Test
	void hasNoEvaluationBeforeTheFirstTick() {
		RuntimeMonitor monitor = monitor(threadsSampler(new AtomicInteger(1)), this.threads, this.sampler);
		assertThat(monitor.latest()).isNull();
	}

	@Test
	void readersNeverSampleNotEvenWhenTheNextTickIsOverdue() {
		AtomicInteger reads = new AtomicInteger();
		RuntimeMonitor monitor = monitor(Samplers.withThreads(this.clock, () -> {
			reads.incrementAndGet();
			return new ThreadFigures(5, 0, 5, 5);
		}), this.threads, this.sampler);
		monitor.tick();
		for (int i = 0; i < 100; i++) {
			monitor.latest();
		}
		this.clock.add(Duration.ofSeconds(20));
		assertThat(sampler(monitor).level()).isEqualTo(Level.CRITICAL);
		assertThat(reads).hasValue(1);
	}

	@Test
	void tickEvaluatesTheSampleAndTellsTheListeners() {
		AtomicInteger live = new AtomicInteger(5);
		RuntimeMonitor monitor = monitor(threadsSampler(live), this.threads);
		AtomicInteger told = new AtomicInteger();
		monitor.addListener((evaluation, previous) -> told.incrementAndGet());
		monitor.tick();
		live.set(25);
		this.clock.add(INTERVAL);
		monitor.tick();
		Evaluation latest = monitor.latest();
		assertThat(latest).isNotNull();
		assertThat(latest.result(Check.THREADS).value()).isEqualTo(25);
		assertThat(latest.result(Check.THREADS).level()).isEqualTo(Level.CRITICAL);
		assertThat(told).hasValue(2);
		assertThat(monitor.history().toList()).hasSize(2);
	}

	@Test
	void failingListenerDoesNotStopTheOthers() {
		RuntimeMonitor monitor = monitor(threadsSampler(new AtomicInteger(1)), this.threads);
		AtomicInteger told = new AtomicInteger();
		monitor.addListener((evaluation, previous) -> {
			throw new IllegalStateException("listener bug");
		});
		monitor.addListener((evaluation, previous) -> told.incrementAndGet());
		monitor.tick();
		assertThat(told).hasValue(1);
		assertThat(monitor.failedTicks()).isZero();
	}

	@Test
	void tickThatThrowsIsCountedAndTheScheduleGoesOn() {
		AtomicInteger reads = new AtomicInteger();
		RuntimeSampler sampler = Samplers.withThreads(this.clock, () -> {
			if (reads.incrementAndGet() == 2) {
				throw new AssertionError("an error no source expects");
			}
			return new ThreadFigures(1, 0, 1, 1);
		});
		RuntimeMonitor monitor = new RuntimeMonitor(sampler,
				new Evaluator(List.of(this.threads), Duration.ofMinutes(1)), this.clock, Duration.ofMillis(10),
				Duration.ofSeconds(1));
		this.monitor = monitor;
		monitor.start();
		await().atMost(10, TimeUnit.SECONDS).until(() -> reads.get() >= 5);
		assertThat(monitor.failedTicks()).isEqualTo(1);
		assertThat(monitor.isRunning()).isTrue();
	}

	@Test
	void startTakesTheFirstSampleAtOnceThenTicksOnSchedule() throws InterruptedException {
		RuntimeMonitor monitor = new RuntimeMonitor(threadsSampler(new AtomicInteger(1)),
				new Evaluator(List.of(this.threads), Duration.ofMinutes(1)), this.clock, Duration.ofMillis(20),
				Duration.ofSeconds(1));
		this.monitor = monitor;
		CountDownLatch ticks = new CountDownLatch(3);
		monitor.addListener((evaluation, previous) -> ticks.countDown());
		monitor.start();
		assertThat(monitor.latest()).isNotNull();
		assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();
		monitor.stop();
		assertThat(monitor.isRunning()).isFalse();
	}

	@Test
	void samplerCheckTurnsCriticalWhenNoTickCompletesForItsThreshold() {
		RuntimeMonitor monitor = monitor(threadsSampler(new AtomicInteger(1)), this.threads, this.sampler);
		monitor.tick();
		this.clock.add(Duration.ofSeconds(14));
		CheckResult fresh = sampler(monitor);
		this.clock.add(Duration.ofSeconds(1));
		CheckResult stale = sampler(monitor);
		Evaluation tick = monitor.history().toList().getLast();
		assertThat(fresh.level()).isEqualTo(Level.OK);
		assertThat(fresh.value()).isEqualTo(14);
		assertThat(stale.level()).isEqualTo(Level.CRITICAL);
		assertThat(stale.since()).isEqualTo(tick.time().plusSeconds(15));
		assertThat(monitor.latest().isCritical()).isTrue();
		assertThat(tick.isCritical()).isFalse();
	}

	@Test
	void samplerCheckRecoversWithTheNextTick() {
		RuntimeMonitor monitor = monitor(threadsSampler(new AtomicInteger(1)), this.threads, this.sampler);
		monitor.tick();
		this.clock.add(Duration.ofSeconds(40));
		assertThat(sampler(monitor).level()).isEqualTo(Level.CRITICAL);
		monitor.tick();
		CheckResult recovered = sampler(monitor);
		assertThat(recovered.level()).isEqualTo(Level.OK);
		assertThat(recovered.since()).isEqualTo(monitor.latest().time());
	}

	@Test
	void samplerSustainDelaysCritical() {
		CheckPolicy sustained = new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ofSeconds(10), Probe.LIVENESS);
		RuntimeMonitor monitor = monitor(threadsSampler(new AtomicInteger(1)), sustained);
		monitor.tick();
		this.clock.add(Duration.ofSeconds(20));
		assertThat(sampler(monitor).level()).isEqualTo(Level.OK);
		this.clock.add(Duration.ofSeconds(5));
		assertThat(sampler(monitor).level()).isEqualTo(Level.CRITICAL);
	}

	@Test
	void windowRatesUseTheOldestSnapshotInsideTheWindow() {
		AtomicInteger live = new AtomicInteger(100);
		CheckPolicy growth = new CheckPolicy(Check.THREAD_GROWTH, 1, 10, Duration.ZERO, Probe.NONE);
		RuntimeMonitor monitor = monitor(threadsSampler(live), growth);
		for (int i = 0; i <= 120; i++) {
			live.set(100 + 2 * i);
			monitor.tick();
			this.clock.add(INTERVAL);
		}
		CheckResult result = monitor.latest().result(Check.THREAD_GROWTH);
		assertThat(result.value()).isCloseTo(0.4, within(1e-9));
		assertThat(result.level()).isEqualTo(Level.OK);
	}

	@Test
	void windowRatesSpanTheWholeWindowWhenTicksDriftByALittle() {
		AtomicInteger live = new AtomicInteger(100);
		this.monitor = growthOverTwoIntervals(live);
		Duration drifting = INTERVAL.plusMillis(1);
		for (int i = 0; i < 3; i++) {
			live.set(100 + 10 * i);
			this.monitor.tick();
			this.clock.add(drifting);
		}
		CheckResult result = this.monitor.latest().result(Check.THREAD_GROWTH);
		assertThat(result.value()).isCloseTo(20 / (2 * drifting.toNanos() / 1e9), within(1e-9));
	}

	@Test
	void windowRatesSpanBackToTheLastSampleWhenATickIsLaterThanTheWindow() {
		AtomicInteger live = new AtomicInteger(100);
		this.monitor = growthOverTwoIntervals(live);
		this.monitor.tick();
		this.clock.add(INTERVAL);
		live.set(110);
		this.monitor.tick();
		Duration late = INTERVAL.multipliedBy(3);
		this.clock.add(late);
		live.set(130);
		this.monitor.tick();
		CheckResult result = this.monitor.latest().result(Check.THREAD_GROWTH);
		assertThat(result.value()).isCloseTo(20 / (late.toNanos() / 1e9), within(1e-9));
	}

	/**
	 * A monitor of thread growth over a window of two intervals, its rates known once
	 * they span the window less the ticks' drift.
	 */
	private RuntimeMonitor growthOverTwoIntervals(AtomicInteger live) {
		CheckPolicy growth = new CheckPolicy(Check.THREAD_GROWTH, 1, 10, Duration.ZERO, Probe.NONE);
		Duration window = INTERVAL.multipliedBy(2);
		return new RuntimeMonitor(threadsSampler(live),
				new Evaluator(List.of(growth), window.minus(INTERVAL.dividedBy(2))), this.clock, INTERVAL, window);
	}

}
