package dev.runtimemonitor.evaluation;

/**
 * The unit of a check's value.
 */
public enum Unit {

	/** A number of threads. */
	THREADS("threads", true),

	/** Threads per second. */
	THREADS_PER_SECOND("threads/s", false),

	/** A share between 0 and 1. */
	RATIO("ratio", false),

	/** Bytes. */
	BYTES("bytes", true),

	/** Seconds. */
	SECONDS("seconds", false);

	private final String symbol;

	private final boolean whole;

	Unit(String symbol, boolean whole) {
		this.symbol = symbol;
		this.whole = whole;
	}

	/**
	 * The unit as health details name it.
	 * @return the unit's symbol
	 */
	public String symbol() {
		return this.symbol;
	}

	/**
	 * Whether values in this unit are whole numbers.
	 * @return {@code true} for counts and bytes
	 */
	public boolean isWhole() {
		return this.whole;
	}

}
