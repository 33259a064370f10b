package dev.runtimemonitor.publishing;

import java.util.Locale;

import dev.runtimemonitor.evaluation.Unit;

/**
 * Figures as the report and its advice write them for people. Unknown figures read
 * {@code unknown}.
 */
public final class Figures {

	private Figures() {
	}

	/**
	 * A size in bytes.
	 * @param bytes the size, negative when unknown
	 * @return for example {@code 1.2 GiB}
	 */
	public static String bytes(double bytes) {
		return (bytes < 0 || Double.isNaN(bytes)) ? "unknown" : CheckValues.format(Unit.BYTES, bytes);
	}

	/**
	 * A rate in bytes per second.
	 * @param bytesPerSecond the rate, {@code NaN} when unknown
	 * @return for example {@code 12.3 MiB/s}
	 */
	public static String bytesPerSecond(double bytesPerSecond) {
		return Double.isNaN(bytesPerSecond) ? "unknown" : bytes(bytesPerSecond) + "/s";
	}

	/**
	 * A share as a percentage.
	 * @param ratio the share between 0 and 1, {@code NaN} when unknown
	 * @return for example {@code 7.1%}
	 */
	public static String percent(double ratio) {
		return CheckValues.format(Unit.RATIO, ratio);
	}

	/**
	 * A duration in milliseconds, precise enough for sub-millisecond pauses.
	 * @param seconds the duration in seconds, {@code NaN} when unknown
	 * @return for example {@code 0.012 ms}, {@code 4.25 ms} or {@code 312 ms}
	 */
	public static String millis(double seconds) {
		if (Double.isNaN(seconds)) {
			return "unknown";
		}
		double millis = seconds * 1000;
		String pattern = (millis < 1) ? "%.3f ms" : (millis < 100) ? "%.2f ms" : "%.0f ms";
		return String.format(Locale.ROOT, pattern, millis);
	}

	/**
	 * A plain number.
	 * @param value the number, {@code NaN} when unknown
	 * @param decimals how many decimals to show
	 * @return for example {@code 0.42}
	 */
	public static String number(double value, int decimals) {
		return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

}
