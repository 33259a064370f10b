package dev.runtimemonitor.sampling.gc;

/**
 * The few distinct labels of recorded pauses, collector, kind and cause, each kept once,
 * so that the window holds a small number per pause instead of three strings: a run sees
 * a handful of collectors, kinds and causes, and their combinations stay in the tens.
 * Bounded: past {@link #CAPACITY} labels, new ones share the last slot, whose collector,
 * kind and cause read {@code other}. Not thread-safe: the recorder guards it.
 */
final class PauseLabels {

	/** The most distinct labels kept. */
	static final int CAPACITY = 256;

	static final String OTHER = "other";

	private final String[] collectors = new String[CAPACITY];

	private final String[] kinds = new String[CAPACITY];

	private final String[] causes = new String[CAPACITY];

	private final boolean[] diagnostic = new boolean[CAPACITY];

	/** Each label's cause, as an index into the distinct causes. */
	private final int[] causeOf = new int[CAPACITY];

	private final String[] distinctCauses = new String[CAPACITY];

	private int size;

	private int causeCount;

	/**
	 * The label of a pause, added when new.
	 * @param collector the collection's name
	 * @param kind the pause's kind
	 * @param cause the collection's cause
	 * @return the label's index
	 */
	int indexOf(String collector, String kind, String cause) {
		for (int i = 0; i < this.size; i++) {
			if (this.collectors[i].equals(collector) && this.kinds[i].equals(kind) && this.causes[i].equals(cause)) {
				return i;
			}
		}
		if (this.size < CAPACITY - 1) {
			return add(collector, kind, cause);
		}
		if (this.size == CAPACITY - 1) {
			add(OTHER, OTHER, OTHER);
		}
		return CAPACITY - 1;
	}

	private int add(String collector, String kind, String cause) {
		int index = this.size++;
		this.collectors[index] = collector;
		this.kinds[index] = kind;
		this.causes[index] = cause;
		this.diagnostic[index] = GcPause.isDiagnostic(cause);
		this.causeOf[index] = causeIndexOf(cause);
		return index;
	}

	private int causeIndexOf(String cause) {
		for (int i = 0; i < this.causeCount; i++) {
			if (this.distinctCauses[i].equals(cause)) {
				return i;
			}
		}
		this.distinctCauses[this.causeCount] = cause;
		return this.causeCount++;
	}

	String collector(int label) {
		return this.collectors[label];
	}

	String kind(int label) {
		return this.kinds[label];
	}

	String cause(int label) {
		return this.causes[label];
	}

	boolean isDiagnostic(int label) {
		return this.diagnostic[label];
	}

	/**
	 * The cause of a label, as an index into the distinct causes.
	 */
	int causeOf(int label) {
		return this.causeOf[label];
	}

	String distinctCause(int cause) {
		return this.distinctCauses[cause];
	}

	/**
	 * How many distinct causes the labels have.
	 */
	int causeCount() {
		return this.causeCount;
	}

	int size() {
		return this.size;
	}

}
