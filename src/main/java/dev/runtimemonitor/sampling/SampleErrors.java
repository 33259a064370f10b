package dev.runtimemonitor.sampling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failures per source: each read that threw, and each source found unsupported when the
 * sampler was built (counted once).
 */
public final class SampleErrors {

	private final Map<String, AtomicLong> counts;

	/**
	 * Counts that start at zero. Only the sampler counts failures; a reader that is not
	 * fed by a sampler (a test's monitor) shows these as none so far.
	 * @param sources the names of the sources, in sampling order
	 */
	public SampleErrors(Iterable<String> sources) {
		Map<String, AtomicLong> counts = new LinkedHashMap<>();
		for (String source : sources) {
			counts.put(source, new AtomicLong());
		}
		this.counts = Collections.unmodifiableMap(counts);
	}

	void increment(String source) {
		AtomicLong count = this.counts.get(source);
		if (count != null) {
			count.incrementAndGet();
		}
	}

	/**
	 * The names of every source the sampler reads.
	 * @return the source names, in sampling order
	 */
	public Set<String> sources() {
		return this.counts.keySet();
	}

	/**
	 * How often a source has failed.
	 * @param source the source's name
	 * @return its failures so far, {@code 0} for an unknown name
	 */
	public long count(String source) {
		AtomicLong count = this.counts.get(source);
		return (count != null) ? count.get() : 0;
	}

}
