package dev.runtimemonitor.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Seconds;

import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * What a check's thresholds are written in: how one converts to the check's base unit,
 * which values make sense, and how a threshold reads back in an error message.
 *
 * @param <T> the type of the thresholds
 * @param toBaseUnit the threshold in the check's base unit (threads, ratio, bytes,
 * seconds)
 * @param valid whether a threshold makes sense for this kind of check
 * @param invalidCode the error code of a threshold that does not
 * @param invalidMessage the message of a threshold that does not
 * @param describe a threshold as a property would write it
 */
public record ThresholdType<T>(ToDoubleFunction<T> toBaseUnit, Predicate<T> valid, String invalidCode,
		String invalidMessage, Function<T, String> describe) {

	/** Whole units: threads. */
	public static final ThresholdType<Long> COUNT = new ThresholdType<>(Long::doubleValue, (value) -> value >= 0,
			"negative", "must be zero or more", String::valueOf);

	/** A number per second. */
	public static final ThresholdType<Double> RATE = new ThresholdType<>(Double::doubleValue,
			(value) -> value >= 0 && !value.isInfinite(), "negative", "must be a finite number, zero or more",
			String::valueOf);

	/** A share between 0 and 1. */
	public static final ThresholdType<Double> RATIO = new ThresholdType<>(Double::doubleValue,
			(value) -> value >= 0 && value <= 1, "range", "must be a ratio between 0 and 1", String::valueOf);

	/** Bytes, such as {@code 1GB}. */
	public static final ThresholdType<DataSize> SIZE = new ThresholdType<>(DataSize::toBytes,
			(value) -> !value.isNegative(), "negative", "must be zero or more", ThresholdType::describeSize);

	/** A duration, such as {@code 15s}, judged in seconds. */
	public static final ThresholdType<Duration> TIME = new ThresholdType<>(Seconds::of,
			(value) -> !value.isNegative() && !value.isZero(), "notPositive", "must be more than zero",
			FigureFormatter::duration);

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
			case THREADS_PER_SECOND -> RATE;
			case RATIO -> RATIO;
			case BYTES -> SIZE;
			case SECONDS -> TIME;
		};
		return (ThresholdType<T>) type;
	}

	private static String describeSize(DataSize size) {
		long bytes = size.toBytes();
		for (DataUnit unit : List.of(DataUnit.TERABYTES, DataUnit.GIGABYTES, DataUnit.MEGABYTES, DataUnit.KILOBYTES)) {
			long unitBytes = DataSize.of(1, unit).toBytes();
			if (bytes != 0 && bytes % unitBytes == 0) {
				return bytes / unitBytes + unit.name().substring(0, 1) + "B";
			}
		}
		return bytes + "B";
	}

}
