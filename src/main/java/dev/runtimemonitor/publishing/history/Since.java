package dev.runtimemonitor.publishing.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The {@code since} parameter of {@code /runtime/history}: epoch milliseconds, or an
 * ISO-8601 instant such as {@code 2025-11-27T16:52:27Z}.
 */
public final class Since {

	/** What a {@code since} parameter may be, for the message that refuses one. */
	public static final String EXPECTED = "expected epoch milliseconds (1764262347289) or an ISO-8601 instant "
			+ "(2025-11-27T16:52:27Z)";

	private Since() {
	}

	/**
	 * The time a {@code since} parameter names.
	 * @param value the parameter, or {@code null} when absent
	 * @return epoch milliseconds; {@link Long#MIN_VALUE} when absent
	 * @throws IllegalArgumentException when the value is neither form
	 */
	public static long parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return Long.MIN_VALUE;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw invalid(value);
			}
		}
		try {
			return Instant.parse(value).toEpochMilli();
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			throw invalid(value);
		}
	}

	private static IllegalArgumentException invalid(String value) {
		String shown = (value.length() > 40) ? value.substring(0, 40) + "..." : value;
		return new IllegalArgumentException("Invalid 'since' parameter '" + shown + "': " + EXPECTED);
	}

}
