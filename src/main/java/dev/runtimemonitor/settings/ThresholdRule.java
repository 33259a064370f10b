package dev.runtimemonitor.settings;

import java.util.List;
import java.util.function.DoublePredicate;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.evaluation.Unit;

/**
 * Which thresholds make sense for a check's unit, and how one reads back in a message the
 * way a property writes it. Judged on the threshold in the check's base unit, whatever
 * type the property that set it had.
 */
enum ThresholdRule {

	/** Whole units: threads. */
	COUNT((value) -> value >= 0, "negative", "must be zero or more") {
		@Override
		String describe(double value) {
			return String.valueOf((long) value);
		}
	},

	/** A number per second. */
	RATE((value) -> value >= 0 && !Double.isInfinite(value), "negative", "must be a finite number, zero or more") {
		@Override
		String describe(double value) {
			return String.valueOf(value);
		}
	},

	/** A share between 0 and 1. */
	RATIO((value) -> value >= 0 && value <= 1, "range", "must be a ratio between 0 and 1") {
		@Override
		String describe(double value) {
			return String.valueOf(value);
		}
	},

	/** Bytes, written such as {@code 1GB}. */
	SIZE((value) -> value >= 0, "negative", "must be zero or more") {
		@Override
		String describe(double value) {
			return describeSize((long) value);
		}
	},

	/** A duration, written such as {@code 15s}, judged in seconds. */
	TIME((value) -> value > 0, "notPositive", "must be more than zero") {
		@Override
		String describe(double value) {
			return FigureFormatter.duration(Seconds.toDuration(value));
		}
	};

	/** The units a size property is written in, largest first, in bytes. */
	private static final List<String> SIZE_UNITS = List.of("TB", "GB", "MB", "KB");

	private final DoublePredicate valid;

	private final String invalidCode;

	private final String invalidMessage;

	ThresholdRule(DoublePredicate valid, String invalidCode, String invalidMessage) {
		this.valid = valid;
		this.invalidCode = invalidCode;
		this.invalidMessage = invalidMessage;
	}

	/**
	 * The rule for the thresholds of a check with this unit.
	 * @param unit the check's unit
	 * @return the rule
	 */
	static ThresholdRule of(Unit unit) {
		return switch (unit) {
			case THREADS -> COUNT;
			case THREADS_PER_SECOND -> RATE;
			case RATIO -> RATIO;
			case BYTES -> SIZE;
			case SECONDS -> TIME;
		};
	}

	boolean isValid(double threshold) {
		return this.valid.test(threshold);
	}

	String invalidCode() {
		return this.invalidCode;
	}

	String invalidMessage() {
		return this.invalidMessage;
	}

	/**
	 * A threshold the way a property writes it.
	 * @param value the threshold in the check's base unit
	 * @return for example {@code 5000}, {@code 0.95}, {@code 4GB} or {@code 1s}
	 */
	abstract String describe(double value);

	private static String describeSize(long bytes) {
		for (int i = 0; i < SIZE_UNITS.size(); i++) {
			long unitBytes = 1L << (10 * (SIZE_UNITS.size() - i));
			if (bytes != 0 && bytes % unitBytes == 0) {
				return bytes / unitBytes + SIZE_UNITS.get(i);
			}
		}
		return bytes + "B";
	}

}
