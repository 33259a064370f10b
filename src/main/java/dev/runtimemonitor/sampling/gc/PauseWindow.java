package dev.runtimemonitor.sampling.gc;

import java.util.Arrays;

/**
 * The most recent pauses in two parallel rings of fixed size, in the order they arrived,
 * for percentiles over a time window. When more pauses than the capacity fall inside a
 * window, the percentiles cover the most recent ones. Pauses arrive roughly, not exactly,
 * in the order they ended (the pauses of a concurrent cycle arrive when the cycle ends),
 * so every pause held is looked at, not only the newest. Not thread-safe: the recorder
 * guards it.
 */
final class PauseWindow {

	private final long[] ends;

	private final long[] durations;

	private final long[] scratch;

	private int next;

	private int size;

	PauseWindow(int capacity) {
		this.ends = new long[capacity];
		this.durations = new long[capacity];
		this.scratch = new long[capacity];
	}

	void add(long endEpochNanos, long durationNanos) {
		this.ends[this.next] = endEpochNanos;
		this.durations[this.next] = durationNanos;
		this.next = (this.next + 1) % this.ends.length;
		this.size = Math.min(this.size + 1, this.ends.length);
	}

	/**
	 * Percentiles of the pauses that ended at or after a time.
	 * @param sinceEpochNanos the start of the window
	 * @return the pauses' count and percentiles in nanoseconds (nearest rank)
	 */
	Percentiles since(long sinceEpochNanos) {
		int count = 0;
		long oldestEnd = Long.MAX_VALUE;
		for (int i = 0; i < this.size; i++) {
			int index = Math.floorMod(this.next - 1 - i, this.ends.length);
			if (this.ends[index] < sinceEpochNanos) {
				continue;
			}
			this.scratch[count++] = this.durations[index];
			oldestEnd = Math.min(oldestEnd, this.ends[index]);
		}
		if (count == 0) {
			return Percentiles.NONE;
		}
		Arrays.sort(this.scratch, 0, count);
		return new Percentiles(count, rank(count, 0.50), rank(count, 0.90), rank(count, 0.99), this.scratch[count - 1],
				oldestEnd);
	}

	private long rank(int count, double quantile) {
		int rank = (int) Math.ceil(quantile * count);
		return this.scratch[Math.max(rank, 1) - 1];
	}

	/**
	 * Pause percentiles over a window.
	 *
	 * @param count pauses in the window
	 * @param p50 the median pause in nanoseconds
	 * @param p90 the 90th percentile
	 * @param p99 the 99th percentile
	 * @param max the longest pause
	 * @param oldestEnd when the oldest pause in the window ended, in nanoseconds since
	 * the epoch; {@code Long.MAX_VALUE} without pauses
	 */
	record Percentiles(int count, long p50, long p90, long p99, long max, long oldestEnd) {

		static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, Long.MAX_VALUE);

	}

}
