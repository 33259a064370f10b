package dev.runtimemonitor.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.publishing.CheckValues;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;
import org.springframework.validation.Errors;

/**
 * The settings every check has. Subclasses fix the type of the thresholds.
 *
 * @param <T> the type of the thresholds
 */
public abstract class CheckProperties<T> {

	/**
	 * Whether to evaluate the check.
	 */
	private boolean enabled;

	/**
	 * Value at or above which the check is at warning. Empty for no warning level.
	 */
	private @Nullable T warning;

	/**
	 * Value at or above which the check is critical. Empty for no critical level.
	 */
	private @Nullable T critical;

	/**
	 * How long a breach must last before the check's level rises. It falls back on the
	 * first clean sample.
	 */
	private Duration sustain;

	/**
	 * Probe the check feeds when critical: liveness (restarts the pod), readiness (takes
	 * it out of the load balancer) or none.
	 */
	private Probe probes;

	CheckProperties(boolean enabled, @Nullable T warning, @Nullable T critical, Duration sustain, Probe probes) {
		this.enabled = enabled;
		this.warning = warning;
		this.critical = critical;
		this.sustain = sustain;
		this.probes = probes;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable T getWarning() {
		return this.warning;
	}

	public void setWarning(@Nullable T warning) {
		this.warning = warning;
	}

	public @Nullable T getCritical() {
		return this.critical;
	}

	public void setCritical(@Nullable T critical) {
		this.critical = critical;
	}

	public Duration getSustain() {
		return this.sustain;
	}

	public void setSustain(Duration sustain) {
		this.sustain = sustain;
	}

	public Probe getProbes() {
		return this.probes;
	}

	public void setProbes(Probe probes) {
		this.probes = probes;
	}

	/**
	 * A threshold in the check's base unit (threads, ratio, bytes, seconds).
	 * @param threshold the threshold as configured, or {@code null}
	 * @return the threshold, or {@code NaN} when it is not set
	 */
	double toBaseUnit(@Nullable T threshold) {
		return (threshold != null) ? baseUnitOf(threshold) : Double.NaN;
	}

	abstract double baseUnitOf(T threshold);

	/**
	 * A threshold as a property would write it, for error messages.
	 * @param threshold the threshold
	 * @return its property form
	 */
	String describe(T threshold) {
		return String.valueOf(threshold);
	}

	/**
	 * Reject a threshold that makes no sense for this kind of check.
	 * @param field the threshold's property path
	 * @param value its value
	 * @param errors where to reject it
	 */
	abstract void validateThreshold(String field, T value, Errors errors);

	/**
	 * A threshold counted in whole units: threads.
	 */
	public static class Count extends CheckProperties<Long> {

		Count(@Nullable Long warning, @Nullable Long critical, Duration sustain, Probe probes) {
			super(true, warning, critical, sustain, probes);
		}

		@Override
		double baseUnitOf(Long threshold) {
			return threshold;
		}

		@Override
		void validateThreshold(String field, Long value, Errors errors) {
			if (value < 0) {
				errors.rejectValue(field, "negative", "must be zero or more");
			}
		}

	}

	/**
	 * A threshold per second.
	 */
	public static class Rate extends CheckProperties<Double> {

		Rate(@Nullable Double warning, @Nullable Double critical, Duration sustain, Probe probes) {
			super(true, warning, critical, sustain, probes);
		}

		@Override
		double baseUnitOf(Double threshold) {
			return threshold;
		}

		@Override
		void validateThreshold(String field, Double value, Errors errors) {
			if (!(value >= 0) || value.isInfinite()) {
				errors.rejectValue(field, "negative", "must be a finite number, zero or more");
			}
		}

	}

	/**
	 * A threshold that is a share between 0 and 1.
	 */
	public static class Ratio extends CheckProperties<Double> {

		Ratio(@Nullable Double warning, @Nullable Double critical, Duration sustain, Probe probes) {
			super(true, warning, critical, sustain, probes);
		}

		@Override
		double baseUnitOf(Double threshold) {
			return threshold;
		}

		@Override
		void validateThreshold(String field, Double value, Errors errors) {
			if (!(value >= 0 && value <= 1)) {
				errors.rejectValue(field, "range", "must be a ratio between 0 and 1");
			}
		}

	}

	/**
	 * A threshold in bytes, such as {@code 1GB}.
	 */
	public static class Size extends CheckProperties<DataSize> {

		Size(boolean enabled, @Nullable DataSize warning, @Nullable DataSize critical, Duration sustain, Probe probes) {
			super(enabled, warning, critical, sustain, probes);
		}

		@Override
		double baseUnitOf(DataSize threshold) {
			return threshold.toBytes();
		}

		@Override
		String describe(DataSize threshold) {
			long bytes = threshold.toBytes();
			for (DataUnit unit : List.of(DataUnit.TERABYTES, DataUnit.GIGABYTES, DataUnit.MEGABYTES,
					DataUnit.KILOBYTES)) {
				long unitBytes = DataSize.of(1, unit).toBytes();
				if (bytes != 0 && bytes % unitBytes == 0) {
					return bytes / unitBytes + unit.name().substring(0, 1) + "B";
				}
			}
			return bytes + "B";
		}

		@Override
		void validateThreshold(String field, DataSize value, Errors errors) {
			if (value.isNegative()) {
				errors.rejectValue(field, "negative", "must be zero or more");
			}
		}

	}

	/**
	 * A threshold that is a duration, such as {@code 15s}.
	 */
	public static class Time extends CheckProperties<Duration> {

		Time(@Nullable Duration warning, @Nullable Duration critical, Duration sustain, Probe probes) {
			super(true, warning, critical, sustain, probes);
		}

		@Override
		double baseUnitOf(Duration threshold) {
			return threshold.toNanos() / 1e9;
		}

		@Override
		String describe(Duration threshold) {
			return CheckValues.duration(threshold);
		}

		@Override
		void validateThreshold(String field, Duration value, Errors errors) {
			if (value.isNegative() || value.isZero()) {
				errors.rejectValue(field, "notPositive", "must be more than zero");
			}
		}

	}

}
