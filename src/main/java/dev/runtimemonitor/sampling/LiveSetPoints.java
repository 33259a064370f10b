package dev.runtimemonitor.sampling;

import java.util.Arrays;

/**
 * The heap's live set as the old generation shows it: its usage at each sample where it
 * had fallen since the sample before, which only a collection that reclaims old objects
 * does (a G1 mixed or full collection, a ZGC major cycle, a Parallel or Serial full
 * collection, any Shenandoah cycle). Young collections only ever add to the old
 * generation, so the garbage they promote never makes a point. A collector that reclaims
 * the old generation in steps (G1's mixed collections) makes several points within
 * seconds, so only the lowest of each stretch of time is kept.
 * <p>
 * Each point also says which stretch between the monitor's own looks at the heap (see
 * {@link HeapInspections}) it was taken in. A look collects the whole heap, below the
 * floor that G1's mixed collections keep, taking the garbage they leave: the points after
 * a look can stand lower than those before, by an offset that is no part of the live
 * set's growth, so the trend compares points only within a stretch. Oldest first;
 * immutable.
 *
 * @param epochMillis when each point was sampled
 * @param bytes the old generation's usage at each point
 * @param stretches which stretch between the monitor's looks at the heap each point was
 * taken in, never decreasing
 */
public record LiveSetPoints(long[] epochMillis, long[] bytes, long[] stretches) {

	/** No point yet. */
	public static final LiveSetPoints NONE = new LiveSetPoints(new long[0], new long[0]);

	public LiveSetPoints {
		if (epochMillis.length != bytes.length || stretches.length != bytes.length) {
			throw new IllegalArgumentException("As many times and stretches as sizes");
		}
	}

	/**
	 * Points all taken in one stretch: the monitor did not look at the heap in between.
	 * @param epochMillis when each point was sampled
	 * @param bytes the old generation's usage at each point
	 */
	public LiveSetPoints(long[] epochMillis, long[] bytes) {
		this(epochMillis, bytes, new long[bytes.length]);
	}

	/**
	 * How many points there are.
	 * @return the count
	 */
	public int size() {
		return this.bytes.length;
	}

	/**
	 * These points and a newer one, keeping at most one point per stretch of time and at
	 * most a number of the newest. A new point in the same stretch of time and between
	 * the same looks at the heap as the newest one replaces it when it is lower and is
	 * dropped otherwise: what the old generation comes down to is the live set; higher
	 * points in between are collections that left some of the garbage for the next ones.
	 * @param epochMilli when the new point was sampled
	 * @param used the old generation's usage then
	 * @param stretch the stretch between the monitor's looks at the heap it was taken in
	 * @param spacingMillis the stretch of time, counted from the epoch, that keeps one
	 * point
	 * @param capacity the most points to keep
	 * @return the new points
	 */
	LiveSetPoints plus(long epochMilli, long used, long stretch, long spacingMillis, int capacity) {
		int newest = size() - 1;
		if (newest >= 0 && epochMilli / spacingMillis == this.epochMillis[newest] / spacingMillis
				&& stretch == this.stretches[newest]) {
			if (used >= this.bytes[newest]) {
				return this;
			}
			long[] times = this.epochMillis.clone();
			long[] sizes = this.bytes.clone();
			times[newest] = epochMilli;
			sizes[newest] = used;
			return new LiveSetPoints(times, sizes, this.stretches);
		}
		int kept = Math.min(size(), capacity - 1);
		long[] times = Arrays.copyOfRange(this.epochMillis, size() - kept, size() + 1);
		long[] sizes = Arrays.copyOfRange(this.bytes, size() - kept, size() + 1);
		long[] inStretch = Arrays.copyOfRange(this.stretches, size() - kept, size() + 1);
		times[kept] = epochMilli;
		sizes[kept] = used;
		inStretch[kept] = stretch;
		return new LiveSetPoints(times, sizes, inStretch);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LiveSetPoints points && Arrays.equals(this.epochMillis, points.epochMillis)
				&& Arrays.equals(this.bytes, points.bytes) && Arrays.equals(this.stretches, points.stretches);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(this.epochMillis) + Arrays.hashCode(this.bytes))
				+ Arrays.hashCode(this.stretches);
	}

	@Override
	public String toString() {
		return "LiveSetPoints" + Arrays.toString(this.bytes) + " in stretches " + Arrays.toString(this.stretches);
	}

}
