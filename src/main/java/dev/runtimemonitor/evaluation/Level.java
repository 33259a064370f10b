package dev.runtimemonitor.evaluation;

import java.util.Locale;

/**
 * How a check stands.
 */
public enum Level {

	/** Below the warning threshold. */
	OK,

	/** At or above the warning threshold for at least the check's sustain. */
	WARNING,

	/** At or above the critical threshold for at least the check's sustain. */
	CRITICAL,

	/** The value could not be measured: its source failed or does not apply here. */
	UNKNOWN;

	/**
	 * The level as it is written in health details and logs.
	 * @return the lower-case name
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
