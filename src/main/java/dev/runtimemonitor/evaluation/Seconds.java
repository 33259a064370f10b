package dev.runtimemonitor.evaluation;

import java.time.Duration;

/**
 * Time as the project carries it in readings, checks, reports and JSON: seconds in a
 * {@code double}. The one conversion from the nanoseconds and milliseconds the JVM counts
 * and from the {@link Duration}s of the configuration.
 */
public final class Seconds {

	private static final double NANOS_PER_SECOND = 1e9;

	private static final double MILLIS_PER_SECOND = 1e3;

	private Seconds() {
	}

	/**
	 * A duration in seconds.
	 * @param duration the duration
	 * @return its seconds, with the nanoseconds as the fraction
	 */
	public static double of(Duration duration) {
		return ofNanos(duration.toNanos());
	}

	/**
	 * Nanoseconds in seconds.
	 * @param nanos the nanoseconds, {@code NaN} when unknown
	 * @return the seconds, {@code NaN} when unknown
	 */
	public static double ofNanos(double nanos) {
		return nanos / NANOS_PER_SECOND;
	}

	/**
	 * Milliseconds in seconds.
	 * @param millis the milliseconds, {@code NaN} when unknown
	 * @return the seconds, {@code NaN} when unknown
	 */
	public static double ofMillis(double millis) {
		return millis / MILLIS_PER_SECOND;
	}

	/**
	 * Seconds as a duration, to the nearest nanosecond, for a figure written back the way
	 * the configuration writes durations.
	 * @param seconds the seconds
	 * @return the duration
	 */
	public static Duration toDuration(double seconds) {
		return Duration.ofNanos(Math.round(seconds * NANOS_PER_SECOND));
	}

	/**
	 * Seconds in whole nanoseconds, for the monotonic clock.
	 * @param seconds the seconds
	 * @return the nanoseconds, the fraction of one dropped
	 */
	public static long toNanos(double seconds) {
		return (long) (seconds * NANOS_PER_SECOND);
	}

}
