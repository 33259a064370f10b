package dev.runtimemonitor.sampling;

import java.util.Arrays;

/**
 * The heap's live set as the old generation shows it: its usage at each sample where it
 * had dropped since the sample before, which only a collection that reclaims old objects
 * does (a G1 mixed or full collection, a ZGC major cycle, a Parallel or Serial full
 * collection, any Shenandoah cycle). Young collections only ever add to the old
 * generation, so the garbage they promote never makes a point. A collector that reclaims
 * the old generation in steps (G1's mixed collections) makes several points within
 * seconds, so only the lowest of each slice of the clock (a minute) is kept.
 * <p>
 * Each point also carries how many heap inspections came before it: the class histograms
 * the monitor takes itself (see {@link HeapInspections}). A heap inspection collects the
 * whole heap, below the floor that G1's mixed collections keep, taking the garbage they
 * leave: the points after one can stand lower than those before, by an offset that is no
 * part of the live set's growth, so the trend compares only points with no heap
 * inspection between them. Oldest first; immutable.
 *
 * @param epochMillis when each point was sampled
 * @param bytes the old generation's usage at each point
 * @param inspectionsBefore the count of heap inspections
 * ({@link HeapInspections#count()}) when each point was sampled, never decreasing: points
 * with the same count have no heap inspection between them
 */
public record LiveSetPoints(long[] epochMillis, long[] bytes, long[] inspectionsBefore) {

	/** No point yet. */
	public static final LiveSetPoints NONE = new LiveSetPoints(new long[0], new long[0]);

	public LiveSetPoints {
		if (epochMillis.length != bytes.length || inspectionsBefore.length != bytes.length) {
			throw new IllegalArgumentException("As many times and inspection counts as sizes");
		}
	}

	/**
	 * Points with no heap inspection between them.
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
	 * These points and a newer one, keeping at most one point per slice of the clock and
	 * at most a number of the newest. A new point in the same slice as the newest one,
	 * with no heap inspection between them, replaces it when it is lower and is dropped
	 * otherwise: what the old generation comes down to is the live set; higher points in
	 * between are collections that left some of the garbage for the next ones.
	 * @param epochMilli when the new point was sampled
	 * @param used the old generation's usage then
	 * @param inspectionsBefore the count of heap inspections when it was sampled
	 * @param spacingMillis the length of the slices of the clock, counted from the epoch,
	 * that keep one point each
	 * @param capacity the most points to keep
	 * @return the new points
	 */
	LiveSetPoints plus(long epochMilli, long used, long inspectionsBefore, long spacingMillis, int capacity) {
		int newest = size() - 1;
		if (newest >= 0 && epochMilli / spacingMillis == this.epochMillis[newest] / spacingMillis
				&& inspectionsBefore == this.inspectionsBefore[newest]) {
			if (used >= this.bytes[newest]) {
				return this;
			}
			long[] times = this.epochMillis.clone();
			long[] sizes = this.bytes.clone();
			times[newest] = epochMilli;
			sizes[newest] = used;
			return new LiveSetPoints(times, sizes, this.inspectionsBefore);
		}
		int kept = Math.min(size(), capacity - 1);
		long[] times = Arrays.copyOfRange(this.epochMillis, size() - kept, size() + 1);
		long[] sizes = Arrays.copyOfRange(this.bytes, size() - kept, size() + 1);
		long[] inspections = Arrays.copyOfRange(this.inspectionsBefore, size() - kept, size() + 1);
		times[kept] = epochMilli;
		sizes[kept] = used;
		inspections[kept] = inspectionsBefore;
		return new LiveSetPoints(times, sizes, inspections);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LiveSetPoints points && Arrays.equals(this.epochMillis, points.epochMillis)
				&& Arrays.equals(this.bytes, points.bytes)
				&& Arrays.equals(this.inspectionsBefore, points.inspectionsBefore);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(this.epochMillis) + Arrays.hashCode(this.bytes))
				+ Arrays.hashCode(this.inspectionsBefore);
	}

	@Override
	public String toString() {
		return "LiveSetPoints" + Arrays.toString(this.bytes) + " after heap inspections "
				+ Arrays.toString(this.inspectionsBefore);
	}

}
