package dev.runtimemonitor.sampling;

/**
 * One garbage collector as the JVM reports it.
 *
 * @param name the collector's name ({@code G1 Young Generation}, {@code ZGC Minor
 * Pauses}, ...)
 * @param count collections since the JVM started
 * @param timeMillis accumulated collection time in milliseconds
 * @param concurrent whether the collector reports concurrent cycles rather than pauses
 * ({@code ZGC Minor Cycles}, {@code Shenandoah Cycles}): its time is not time the
 * application stood still
 */
public record CollectorFigures(String name, long count, long timeMillis, boolean concurrent) {

	/**
	 * Whether a collector of this name reports concurrent cycles rather than pauses.
	 * @param name the collector's name
	 * @return {@code true} for the cycle beans of ZGC and Shenandoah
	 */
	public static boolean isConcurrent(String name) {
		return name.endsWith(" Cycles");
	}

	/**
	 * Whether a collector of this name reports concurrent cycles of the whole heap:
	 * {@code ZGC Major Cycles}, {@code Shenandoah Cycles}, not {@code ZGC Minor Cycles}.
	 * @param name the collector's name
	 * @return {@code true} for the cycle beans that collect the old generation too
	 */
	public static boolean isConcurrentWholeHeap(String name) {
		return isConcurrent(name) && !name.contains("Minor");
	}

}
