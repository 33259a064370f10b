package dev.runtimemonitor.sampling.jvm;

/**
 * One HotSpot flag as the JVM reports it.
 *
 * @param name the flag's name, such as {@code MaxHeapSize}
 * @param value its value as text
 * @param explicit whether someone set it (command line, {@code JAVA_TOOL_OPTIONS}, a
 * flags file, at run time) rather than the JVM's default or its ergonomics
 */
public record JvmFlag(String name, String value, boolean explicit) {

	/**
	 * The value as a whole number.
	 * @return the value, or {@code -1} when it is not a whole number that fits a long
	 */
	public long asLong() {
		try {
			return Long.parseLong(this.value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The value as a number.
	 * @return the value, or {@code NaN} when it is not a number
	 */
	public double asDouble() {
		try {
			return Double.parseDouble(this.value);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	/**
	 * The value as a boolean.
	 * @return {@code true} when the value is {@code true}
	 */
	public boolean isTrue() {
		return Boolean.parseBoolean(this.value);
	}

}
