package dev.runtimemonitor.monitor;

import java.time.Duration;
import java.time.Instant;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the {@code sampler} check when it is read rather than when a tick runs: a stuck
 * or dead sampling thread runs no ticks, so only the reader can see that the last good
 * sample is getting old.
 */
final class SamplerWatch {

	private static final Logger logger = LoggerFactory.getLogger(SamplerWatch.class);

	private static final double NANOS_PER_SECOND = 1e9;

	private final CheckPolicy policy;

	private volatile @Nullable GoodSample last;

	private volatile @Nullable Instant okSince;

	SamplerWatch(CheckPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Record a tick that completed.
	 * @param time its wall-clock time
	 * @param monotonicNanos its monotonic time
	 */
	void recordGoodSample(Instant time, long monotonicNanos) {
		GoodSample previous = this.last;
		if (previous == null) {
			this.okSince = time;
		}
		else {
			double gap = (monotonicNanos - previous.monotonicNanos()) / NANOS_PER_SECOND;
			if (this.policy.classify(gap) != Level.OK) {
				logger.warn("Runtime sampling resumed after {} s without a sample (critical at {} s)",
						String.format("%.1f", gap), this.policy.critical());
				this.okSince = time;
			}
		}
		this.last = new GoodSample(time, monotonicNanos);
	}

	/**
	 * The sampler check as of now.
	 * @param now the wall-clock time now
	 * @param nowNanos the monotonic time now
	 * @return the result, or {@code null} before the first good sample
	 */
	@Nullable CheckResult assess(Instant now, long nowNanos) {
		GoodSample last = this.last;
		Instant okSince = this.okSince;
		if (last == null || okSince == null) {
			return null;
		}
		double age = Math.max(0, (nowNanos - last.monotonicNanos()) / NANOS_PER_SECOND);
		Level raw = this.policy.classify(age);
		Instant warningStart = (raw == Level.WARNING || raw == Level.CRITICAL)
				? breachStart(last.time(), this.policy.warning(), this.policy.critical()) : null;
		Instant criticalStart = (raw == Level.CRITICAL) ? breachStart(last.time(), this.policy.critical(), Double.NaN)
				: null;
		Duration sustain = this.policy.sustain();
		if (criticalStart != null && !now.isBefore(criticalStart.plus(sustain))) {
			return new CheckResult(this.policy, age, Level.CRITICAL, criticalStart.plus(sustain), warningStart,
					criticalStart);
		}
		if (warningStart != null && !now.isBefore(warningStart.plus(sustain))) {
			return new CheckResult(this.policy, age, Level.WARNING, warningStart.plus(sustain), warningStart,
					criticalStart);
		}
		return new CheckResult(this.policy, age, Level.OK, okSince, warningStart, criticalStart);
	}

	/**
	 * When the age first reached a threshold: the lower of the two that is set.
	 */
	private static Instant breachStart(Instant lastGood, double threshold, double fallback) {
		double seconds = Double.isNaN(threshold) ? fallback : threshold;
		return lastGood.plusNanos((long) (seconds * NANOS_PER_SECOND));
	}

	private record GoodSample(Instant time, long monotonicNanos) {
	}

}
