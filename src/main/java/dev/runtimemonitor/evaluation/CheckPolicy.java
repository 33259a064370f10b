package dev.runtimemonitor.evaluation;

import java.time.Duration;

/**
 * How one check is judged. A threshold that is {@code NaN} never fires.
 *
 * @param check the check
 * @param warning the value at or above which the check is at warning
 * @param critical the value at or above which the check is critical
 * @param sustain how long a breach must last before the level rises
 * @param probe the probe the check feeds
 */
public record CheckPolicy(Check check, double warning, double critical, Duration sustain, Probe probe) {

	/**
	 * The level a value reaches, sustain aside.
	 * @param value the measured value, {@code NaN} when unknown
	 * @return the raw level
	 */
	public Level classify(double value) {
		if (Double.isNaN(value)) {
			return Level.UNKNOWN;
		}
		if (reaches(value, this.critical)) {
			return Level.CRITICAL;
		}
		if (reaches(value, this.warning)) {
			return Level.WARNING;
		}
		return Level.OK;
	}

	/**
	 * Whether a value reaches a threshold: at or above it, or at or below it for a check
	 * whose lower values are the worse ones. A threshold that is {@code NaN} is never
	 * reached.
	 * @param value the value
	 * @param threshold the threshold
	 * @return whether the value is at the threshold or past it
	 */
	public boolean reaches(double value, double threshold) {
		return this.check.higherIsWorse() ? value >= threshold : value <= threshold;
	}

	/**
	 * Whether the warning threshold is set.
	 * @return {@code false} when the check has no warning level
	 */
	public boolean hasWarning() {
		return !Double.isNaN(this.warning);
	}

	/**
	 * Whether the critical threshold is set.
	 * @return {@code false} when the check never turns critical
	 */
	public boolean hasCritical() {
		return !Double.isNaN(this.critical);
	}

}
