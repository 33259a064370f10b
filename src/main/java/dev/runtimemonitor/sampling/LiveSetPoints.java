package dev.runtimemonitor.sampling;

import java.util.Arrays;

/**
 * The heap's live set as the old generation shows it: its usage at each sample where it
 * had fallen since the sample before, which only a collection that reclaims old objects
 * does (a G1 mixed or full collection, a ZGC major cycle, a Parallel or Serial full
 * collection, any Shenandoah cycle). Young collections only ever add to the old
 * generation, so the garbage they promote never makes a point. Oldest first; immutable.
 *
 * @param epochMillis when each point was sampled
 * @param bytes the old generation's usage at each point
 */
public record LiveSetPoints(long[] epochMillis, long[] bytes) {

	/** No point yet. */
	public static final LiveSetPoints NONE = new LiveSetPoints(new long[0], new long[0]);

	public LiveSetPoints {
		if (epochMillis.length != bytes.length) {
			throw new IllegalArgumentException("As many times as sizes");
		}
	}

	/**
	 * How many points there are.
	 * @return the count
	 */
	public int size() {
		return this.bytes.length;
	}

	/**
	 * These points and a newer one, keeping at most a number of the newest.
	 * @param epochMilli when the new point was sampled
	 * @param used the old generation's usage then
	 * @param capacity the most points to keep
	 * @return the new points
	 */
	LiveSetPoints plus(long epochMilli, long used, int capacity) {
		int kept = Math.min(size(), capacity - 1);
		long[] times = Arrays.copyOfRange(this.epochMillis, size() - kept, size() + 1);
		long[] sizes = Arrays.copyOfRange(this.bytes, size() - kept, size() + 1);
		times[kept] = epochMilli;
		sizes[kept] = used;
		return new LiveSetPoints(times, sizes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LiveSetPoints points && Arrays.equals(this.epochMillis, points.epochMillis)
				&& Arrays.equals(this.bytes, points.bytes);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.epochMillis) + Arrays.hashCode(this.bytes);
	}

	@Override
	public String toString() {
		return "LiveSetPoints" + Arrays.toString(this.bytes);
	}

}
