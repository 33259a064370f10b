package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.util.Locale;

/**
 * How figures read for people, in logs, the text report and the advice: the one formatter
 * of the project. An unknown figure ({@code NaN}) reads {@code unknown}.
 */
public final class FigureFormatter {

	private static final String UNKNOWN = "unknown";

	private static final String[] BINARY_PREFIXES = { "B", "KiB", "MiB", "GiB", "TiB" };

	private FigureFormatter() {
	}

	/**
	 * A value with its unit.
	 * @param unit the value's unit
	 * @param value the value
	 * @return for example {@code 5012 threads}, {@code 93.1%}, {@code 1.2 GiB},
	 * {@code 4.25 ms}
	 */
	public static String format(Unit unit, double value) {
		if (Double.isNaN(value)) {
			return UNKNOWN;
		}
		return switch (unit) {
			case THREADS -> String.format(Locale.ROOT, "%d threads", (long) value);
			case THREADS_PER_SECOND -> String.format(Locale.ROOT, "%.2f threads/s", value);
			case RATIO -> percent(value);
			case BYTES -> bytes(value);
			case SECONDS -> seconds(value);
		};
	}

	/**
	 * A size in bytes, in binary units.
	 * @param bytes the size
	 * @return for example {@code 512 B} or {@code 1.2 GiB}
	 */
	public static String bytes(double bytes) {
		if (Double.isNaN(bytes) || bytes < 0) {
			return UNKNOWN;
		}
		double scaled = bytes;
		int prefix = 0;
		while (scaled >= 1024 && prefix < BINARY_PREFIXES.length - 1) {
			scaled /= 1024;
			prefix++;
		}
		return (prefix == 0) ? String.format(Locale.ROOT, "%d B", (long) bytes)
				: String.format(Locale.ROOT, "%.1f %s", scaled, BINARY_PREFIXES[prefix]);
	}

	/**
	 * A rate in bytes per second.
	 * @param bytesPerSecond the rate
	 * @return for example {@code 12.3 MiB/s}
	 */
	public static String bytesPerSecond(double bytesPerSecond) {
		return Double.isNaN(bytesPerSecond) ? UNKNOWN : bytes(bytesPerSecond) + "/s";
	}

	/**
	 * A share as a percentage.
	 * @param ratio the share between 0 and 1
	 * @return for example {@code 7.1%}
	 */
	public static String percent(double ratio) {
		return Double.isNaN(ratio) ? UNKNOWN : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
	}

	/**
	 * A duration measured in seconds, precise enough for sub-millisecond pauses and
	 * readable for hours.
	 * @param seconds the duration, infinite for one that never ends
	 * @return for example {@code 0.012 ms}, {@code 4.25 ms}, {@code 312 ms},
	 * {@code 15.0 s}, {@code 41 min}, {@code 5.2 h} or {@code never}
	 */
	public static String seconds(double seconds) {
		if (Double.isNaN(seconds)) {
			return UNKNOWN;
		}
		if (Double.isInfinite(seconds)) {
			return "never";
		}
		if (seconds >= 2 * 3600) {
			return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
		}
		if (seconds >= 120) {
			return String.format(Locale.ROOT, "%.0f min", seconds / 60);
		}
		if (seconds >= 1) {
			return String.format(Locale.ROOT, "%.1f s", seconds);
		}
		double millis = seconds * 1000;
		String pattern = (millis < 1) ? "%.3f ms" : (millis < 100) ? "%.2f ms" : "%.0f ms";
		return String.format(Locale.ROOT, pattern, millis);
	}

	/**
	 * A plain number.
	 * @param value the number
	 * @param decimals how many decimals to show
	 * @return for example {@code 0.42}
	 */
	public static String number(double value, int decimals) {
		return Double.isNaN(value) ? UNKNOWN : String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	/**
	 * A duration the way Spring properties write it.
	 * @param duration the duration
	 * @return for example {@code 1h}, {@code 60s} or {@code 250ms}
	 */
	public static String duration(Duration duration) {
		if (duration.getNano() != 0) {
			return duration.toMillis() + "ms";
		}
		long seconds = duration.toSeconds();
		return (seconds != 0 && seconds % 3600 == 0) ? (seconds / 3600) + "h" : seconds + "s";
	}

}
