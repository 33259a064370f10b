package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.Locale;

import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Unit;
import org.jspecify.annotations.Nullable;

/**
 * How check values read in logs and health details.
 */
public final class CheckValues {

	private static final String[] BINARY_PREFIXES = { "B", "KiB", "MiB", "GiB", "TiB" };

	private CheckValues() {
	}

	/**
	 * A value with its unit, for people.
	 * @param unit the value's unit
	 * @param value the value, {@code NaN} when unknown
	 * @return for example {@code 5012 threads}, {@code 93.1%}, {@code 1.2 GiB}
	 */
	public static String format(Unit unit, double value) {
		if (Double.isNaN(value)) {
			return "unknown";
		}
		return switch (unit) {
			case THREADS -> String.format(Locale.ROOT, "%d threads", (long) value);
			case THREADS_PER_SECOND -> String.format(Locale.ROOT, "%.2f threads/s", value);
			case RATIO -> String.format(Locale.ROOT, "%.1f%%", value * 100);
			case BYTES -> bytes(value);
			case SECONDS -> String.format(Locale.ROOT, "%.1f s", value);
		};
	}

	/**
	 * A value as a JSON number: whole units as integers, {@code null} when unknown.
	 * @param unit the value's unit
	 * @param value the value
	 * @return a {@link Long}, a {@link Double} or {@code null}
	 */
	public static @Nullable Number json(Unit unit, double value) {
		if (Double.isNaN(value)) {
			return null;
		}
		return unit.isWhole() ? (Number) (long) value : (Number) value;
	}

	/**
	 * A level as a gauge reads it: 0 ok, 1 warning, 2 critical, {@code NaN} unknown.
	 * @param level the level
	 * @return the gauge value
	 */
	public static double gauge(Level level) {
		return switch (level) {
			case OK -> 0;
			case WARNING -> 1;
			case CRITICAL -> 2;
			case UNKNOWN -> Double.NaN;
		};
	}

	/**
	 * A duration the way Spring properties write it.
	 * @param duration the duration
	 * @return for example {@code 60s} or {@code 250ms}
	 */
	public static String duration(Duration duration) {
		return (duration.getNano() != 0) ? duration.toMillis() + "ms" : duration.toSeconds() + "s";
	}

	private static String bytes(double value) {
		double scaled = value;
		int prefix = 0;
		while (Math.abs(scaled) >= 1024 && prefix < BINARY_PREFIXES.length - 1) {
			scaled /= 1024;
			prefix++;
		}
		return (prefix == 0) ? String.format(Locale.ROOT, "%d B", (long) value)
				: String.format(Locale.ROOT, "%.1f %s", scaled, BINARY_PREFIXES[prefix]);
	}

}
