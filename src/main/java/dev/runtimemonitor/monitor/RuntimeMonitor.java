package dev.runtimemonitor.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.SampleErrors;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the JVM on a fixed schedule, evaluates each sample and keeps the latest
 * evaluation for readers. Readers ({@code /health}, {@code /metrics}) never sample: they
 * read what the last tick computed, so a flood of probes costs nothing. Nothing a tick
 * throws stops the schedule. Publishing reads it through {@link MonitorView}.
 */
public final class RuntimeMonitor implements MonitorView {

	private static final Logger logger = LoggerFactory.getLogger(RuntimeMonitor.class);

	/** The next tick counts as overdue after this many intervals. */
	private static final double OVERDUE_INTERVALS = 1.5;

	private final RuntimeSampler sampler;

	private final Evaluator evaluator;

	private final Clock clock;

	private final Duration interval;

	private final Duration window;

	private final List<MonitorListener> listeners = new CopyOnWriteArrayList<>();

	private final Ring<Evaluation> history;

	private final double overdueSeconds;

	private final AtomicLong failedTicks = new AtomicLong();

	private volatile @Nullable Evaluation latest;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a monitor.
	 * @param sampler takes the snapshots
	 * @param evaluator judges them
	 * @param clock the clock for the age of the last sample
	 * @param interval time between ticks
	 * @param window the span over which rates and pause percentiles are computed
	 */
	public RuntimeMonitor(RuntimeSampler sampler, Evaluator evaluator, Clock clock, Duration interval,
			Duration window) {
		this.sampler = sampler;
		this.evaluator = evaluator;
		this.clock = clock;
		this.interval = interval;
		this.window = window;
		this.history = new Ring<>((int) (window.toNanos() / interval.toNanos()) + 2);
		this.overdueSeconds = Seconds.of(interval) * OVERDUE_INTERVALS;
	}

	@Override
	public void addListener(MonitorListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Take the first sample now, then one every interval, all on the monitor's daemon
	 * thread ({@code runtime-monitor}). Returns once the first sample is evaluated, so
	 * readers find one from the start.
	 */
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "runtime-monitor");
			thread.setDaemon(true);
			return thread;
		});
		// The first tick too runs on the monitor's thread, not the caller's: what a tick
		// does (listeners, evidence captures that may stop the world) never runs on the
		// thread that starts the application.
		awaitFirstTick(scheduler.submit(this::tick));
		long nanos = this.interval.toNanos();
		scheduler.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
		this.scheduler = scheduler;
	}

	private static void awaitFirstTick(Future<?> tick) {
		try {
			tick.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// tick() never throws; nothing to add to what it logged
		}
	}

	/**
	 * Stop sampling. The sampler stays open: whoever created it closes it.
	 */
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		this.scheduler = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
			try {
				scheduler.awaitTermination(this.interval.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Whether the schedule is running.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Sample, evaluate and tell the listeners. Never throws.
	 */
	public void tick() {
		try {
			// As readers last saw it: a sampler check judged critical while this tick was
			// overdue carries into this tick, which then records the recovery.
			Evaluation previous = latest();
			RuntimeSnapshot snapshot = this.sampler.sample();
			// Ticks drift by a little: half an interval of slack finds the sample taken
			// one window ago, not the one after it, so window rates span the whole
			// window. A tick later than the window (a starved or stopped JVM, a window of
			// a few intervals) finds none inside it: its rates span back to the last
			// sample rather than being unknown, which would also end every breach of a
			// window check at the moment the JVM struggles most.
			long windowStart = snapshot.monotonicNanos() - this.window.toNanos() - this.interval.toNanos() / 2;
			Evaluation start = this.history.oldest((earlier) -> earlier.snapshot().monotonicNanos() - windowStart >= 0);
			if (start == null) {
				start = previous;
			}
			Evaluation evaluation = this.evaluator.evaluate(snapshot, (start != null) ? start.snapshot() : null,
					previous);
			this.history.add(evaluation);
			this.latest = evaluation;
			notifyListeners(evaluation, previous);
		}
		catch (Throwable ex) {
			this.failedTicks.incrementAndGet();
			logger.error("Runtime sample failed; the next tick will try again", ex);
		}
	}

	private void notifyListeners(Evaluation evaluation, @Nullable Evaluation previous) {
		for (MonitorListener listener : this.listeners) {
			try {
				listener.onEvaluation(evaluation, previous);
			}
			catch (RuntimeException ex) {
				logger.warn("Runtime monitor listener {} failed", listener, ex);
			}
		}
	}

	/**
	 * The latest evaluation, which every reader reads: the last tick's, or, when the next
	 * tick is overdue, the last tick's as of now, with the age its sample has reached
	 * ({@link Evaluator#asOf}). A stuck or dead sampling thread runs no ticks, so only a
	 * reader can see that the last good sample is getting old. The next tick is judged
	 * against what readers saw, so the recovery is a level change like any other.
	 * @return the evaluation, or {@code null} before the first good sample
	 */
	@Override
	public @Nullable Evaluation latest() {
		Evaluation tick = this.latest;
		if (tick == null) {
			return null;
		}
		double age = Seconds.ofNanos(this.clock.monotonicTime() - tick.snapshot().monotonicNanos());
		return (age <= this.overdueSeconds) ? tick
				: this.evaluator.asOf(tick, age, Instant.ofEpochMilli(this.clock.wallTime()));
	}

	@Override
	public List<CheckPolicy> policies() {
		return this.evaluator.policies();
	}

	@Override
	public SampleErrors sampleErrors() {
		return this.sampler.errors();
	}

	@Override
	public long failedTicks() {
		return this.failedTicks.get();
	}

	/**
	 * The recent evaluations, whose snapshots the window's rates are computed from.
	 * @return the recent evaluations
	 */
	public Ring<Evaluation> history() {
		return this.history;
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

}
