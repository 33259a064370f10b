package dev.runtimemonitor.autoconfigure;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Seconds;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * What a check's thresholds are written in, and how one converts to the check's base
 * unit. Which thresholds make sense, and how one reads back in a message, is judged on
 * the base unit, in {@code MonitorSettings}.
 *
 * @param <T> the type of the thresholds
 * @param toBaseUnit the threshold in the check's base unit (threads, ratio, bytes,
 * seconds)
 */
public record ThresholdType<T>(ToDoubleFunction<T> toBaseUnit) {

	/** Whole units: threads. */
	public static final ThresholdType<Long> COUNT = new ThresholdType<>(Long::doubleValue);

	/** A number: a rate or a ratio. */
	public static final ThresholdType<Double> NUMBER = new ThresholdType<>(Double::doubleValue);

	/** Bytes, such as {@code 1GB}. */
	public static final ThresholdType<DataSize> SIZE = new ThresholdType<>(DataSize::toBytes);

	/** A duration, such as {@code 15s}, judged in seconds. */
	public static final ThresholdType<Duration> TIME = new ThresholdType<>(Seconds::of);

	/**
	 * The thresholds of a check, by the unit of its value.
	 * @param <T> the type of the check's thresholds
	 * @param check the check
	 * @param settings its settings, whose type goes with the check's unit
	 * @return the threshold type
	 */
	@SuppressWarnings("unchecked")
	static <T> ThresholdType<T> of(Check check, CheckSettings<T> settings) {
		ThresholdType<?> type = switch (check.unit()) {
			case THREADS -> COUNT;
			case THREADS_PER_SECOND, RATIO -> NUMBER;
			case BYTES -> SIZE;
			case SECONDS -> TIME;
		};
		return (ThresholdType<T>) type;
	}

	/**
	 * A threshold in the check's base unit.
	 * @param threshold the threshold, {@code null} when not set
	 * @return its value in the base unit, {@code NaN} when not set
	 */
	double baseUnit(@Nullable T threshold) {
		return (threshold != null) ? this.toBaseUnit.applyAsDouble(threshold) : Double.NaN;
	}

}
