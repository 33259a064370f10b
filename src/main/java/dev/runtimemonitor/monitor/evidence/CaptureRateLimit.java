package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;

import io.micrometer.core.instrument.Clock;

/**
 * Lets a capture that stops the application (the class histogram) run at most once per
 * minimum interval, whatever the checks do: the first time is allowed, then nothing until
 * the interval has passed since the last allowed run. Refused attempts do not push the
 * next allowed time back. Time comes from the injected clock's monotonic reading, so a
 * wall-clock step neither blocks captures nor lets them through early.
 */
public final class CaptureRateLimit {

	private final Duration minInterval;

	private final long minIntervalNanos;

	private final Clock clock;

	private boolean ran;

	private long lastRunNanos;

	/**
	 * A limit of one run per interval.
	 * @param minInterval the least time between two runs; zero lets every run through
	 * @param clock the clock that tells the time
	 */
	public CaptureRateLimit(Duration minInterval, Clock clock) {
		if (minInterval.isNegative()) {
			throw new IllegalArgumentException("'minInterval' must not be negative");
		}
		this.minInterval = minInterval;
		this.minIntervalNanos = minInterval.toNanos();
		this.clock = clock;
	}

	/**
	 * The least time between two runs.
	 * @return the interval
	 */
	public Duration minInterval() {
		return this.minInterval;
	}

	/**
	 * Take the turn if it is free: when it is, the run counts from now.
	 * @return {@code true} when the capture may run now
	 */
	public synchronized boolean tryAcquire() {
		long now = this.clock.monotonicTime();
		if (this.ran && now - this.lastRunNanos < this.minIntervalNanos) {
			return false;
		}
		this.ran = true;
		this.lastRunNanos = now;
		return true;
	}

	/**
	 * How long until a run is allowed again.
	 * @return the time left, {@link Duration#ZERO} when a run is allowed now
	 */
	public synchronized Duration remaining() {
		if (!this.ran) {
			return Duration.ZERO;
		}
		long left = this.minIntervalNanos - (this.clock.monotonicTime() - this.lastRunNanos);
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

}
