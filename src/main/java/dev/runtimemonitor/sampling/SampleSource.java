package dev.runtimemonitor.sampling;

/**
 * One thing the sampler reads each tick: a management bean or a file.
 *
 * @param <T> the figures it reads
 */
public interface SampleSource<T> {

	/**
	 * The source's name, as it appears in the {@code source} tag of the sample error
	 * counter.
	 * @return a short kebab-case name
	 */
	String name();

	/**
	 * Whether this platform has what the source reads. Asked once, when the sampler is
	 * built; an unsupported source is never read.
	 * @return {@code true} when {@link #read()} can work here
	 */
	default boolean isSupported() {
		return true;
	}

	/**
	 * Read the figures.
	 * @return the figures, never {@code null}
	 * @throws Exception when the source fails; the sampler counts it and goes on
	 */
	T read() throws Exception;

}
