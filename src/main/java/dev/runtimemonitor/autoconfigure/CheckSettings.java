package dev.runtimemonitor.autoconfigure;

import java.time.Duration;

import dev.runtimemonitor.evaluation.Probe;
import org.jspecify.annotations.Nullable;

/**
 * The settings every check has. Each check has a record of its own in
 * {@link RuntimeMonitorProperties.Checks}, so that its defaults stand in the source where
 * the configuration processor reads them into the metadata IDEs complete from.
 *
 * @param <T> the type of the thresholds
 */
public interface CheckSettings<T> {

	/**
	 * Whether to evaluate the check.
	 * @return {@code true} when the check is evaluated
	 */
	boolean enabled();

	/**
	 * The value at or above which the check is at warning.
	 * @return the threshold, or {@code null} for no warning level
	 */
	@Nullable T warning();

	/**
	 * The value at or above which the check is critical.
	 * @return the threshold, or {@code null} for no critical level
	 */
	@Nullable T critical();

	/**
	 * How long a breach must last before the check's level rises.
	 * @return the sustain
	 */
	Duration sustain();

	/**
	 * The probe the check feeds when critical.
	 * @return the probe
	 */
	Probe probe();

}
