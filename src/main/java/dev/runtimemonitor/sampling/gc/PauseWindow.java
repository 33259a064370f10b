package dev.runtimemonitor.sampling.gc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.runtimemonitor.sampling.GcPauseCause;

/**
 * The most recent pauses in parallel rings of fixed size, in the order they arrived: when
 * each ended, how long it took, its collection and its label (collector, kind and cause,
 * see {@link PauseLabels}), for percentiles, causes and the longest pauses over a time
 * window. When more pauses than the capacity fall inside a window, the figures cover the
 * most recent ones. Pauses arrive roughly, not exactly, in the order they ended (the
 * pauses of a concurrent cycle arrive when the cycle ends), so every pause held is looked
 * at, not only the newest. The percentiles leave out diagnostic pauses (see
 * {@link GcPause#isDiagnostic(String)}); the causes list them. Not thread-safe: the
 * recorder guards it.
 */
final class PauseWindow {

	private static final Comparator<GcPauseCause> MOST_PAUSE_TIME_FIRST = Comparator
		.comparingLong(GcPauseCause::pauseNanos)
		.reversed()
		.thenComparing(GcPauseCause::cause);

	private final long[] ends;

	private final long[] durations;

	private final long[] gcIds;

	private final short[] labelOf;

	private final long[] scratch;

	private final PauseLabels labels = new PauseLabels();

	/** Scratch space of {@link #causesSince(long)}, by cause. */
	private final int[] causePauses = new int[PauseLabels.CAPACITY];

	private final long[] causeNanos = new long[PauseLabels.CAPACITY];

	private final long[] causeMax = new long[PauseLabels.CAPACITY];

	private int next;

	private int size;

	PauseWindow(int capacity) {
		this.ends = new long[capacity];
		this.durations = new long[capacity];
		this.gcIds = new long[capacity];
		this.labelOf = new short[capacity];
		this.scratch = new long[capacity];
	}

	void add(long endEpochNanos, long durationNanos, long gcId, String collector, String kind, String cause) {
		this.ends[this.next] = endEpochNanos;
		this.durations[this.next] = durationNanos;
		this.gcIds[this.next] = gcId;
		this.labelOf[this.next] = (short) this.labels.indexOf(collector, kind, cause);
		this.next = (this.next + 1) % this.ends.length;
		this.size = Math.min(this.size + 1, this.ends.length);
	}

	/**
	 * Percentiles of the pauses that ended at or after a time, diagnostic pauses left
	 * out.
	 * @param sinceEpochNanos the start of the window
	 * @return the pauses' count and percentiles in nanoseconds (nearest rank)
	 */
	Percentiles since(long sinceEpochNanos) {
		int count = 0;
		long oldestEnd = Long.MAX_VALUE;
		for (int i = 0; i < this.size; i++) {
			int index = index(i);
			if (this.ends[index] < sinceEpochNanos) {
				continue;
			}
			oldestEnd = Math.min(oldestEnd, this.ends[index]);
			if (!this.labels.isDiagnostic(this.labelOf[index])) {
				this.scratch[count++] = this.durations[index];
			}
		}
		if (count == 0) {
			return (oldestEnd == Long.MAX_VALUE) ? Percentiles.NONE : new Percentiles(0, 0, 0, 0, 0, oldestEnd);
		}
		Arrays.sort(this.scratch, 0, count);
		return new Percentiles(count, rank(count, 0.50), rank(count, 0.90), rank(count, 0.99), this.scratch[count - 1],
				oldestEnd);
	}

	/**
	 * The pauses that ended at or after a time, by cause, diagnostic ones included.
	 * Allocates only the lines it returns.
	 * @param sinceEpochNanos the start of the window
	 * @return a line per cause, the most pause time first
	 */
	List<GcPauseCause> causesSince(long sinceEpochNanos) {
		int causeCount = this.labels.causeCount();
		if (causeCount == 0) {
			return List.of();
		}
		Arrays.fill(this.causePauses, 0, causeCount, 0);
		Arrays.fill(this.causeNanos, 0, causeCount, 0);
		Arrays.fill(this.causeMax, 0, causeCount, 0);
		int found = 0;
		for (int i = 0; i < this.size; i++) {
			int index = index(i);
			if (this.ends[index] >= sinceEpochNanos) {
				int cause = this.labels.causeOf(this.labelOf[index]);
				found += (this.causePauses[cause]++ == 0) ? 1 : 0;
				this.causeNanos[cause] += this.durations[index];
				this.causeMax[cause] = Math.max(this.causeMax[cause], this.durations[index]);
			}
		}
		GcPauseCause[] causes = new GcPauseCause[found];
		int next = 0;
		for (int cause = 0; cause < causeCount; cause++) {
			if (this.causePauses[cause] > 0) {
				String name = this.labels.distinctCause(cause);
				causes[next++] = new GcPauseCause(name, this.causePauses[cause], this.causeNanos[cause],
						this.causeMax[cause], GcPause.isDiagnostic(name));
			}
		}
		Arrays.sort(causes, MOST_PAUSE_TIME_FIRST);
		return List.of(causes);
	}

	/**
	 * The longest pauses that ended at or after a time, diagnostic ones included.
	 * @param sinceEpochNanos the start of the window
	 * @param count how many
	 * @return at most {@code count} pauses, the longest first
	 */
	List<GcPause> longestSince(long sinceEpochNanos, int count) {
		// The few longest, kept in order as the window is walked once: no boxing, no sort
		int[] longest = new int[Math.max(0, Math.min(count, this.size))];
		int found = 0;
		for (int i = 0; i < this.size; i++) {
			int index = index(i);
			if (this.ends[index] < sinceEpochNanos) {
				continue;
			}
			int at = found;
			while (at > 0 && this.durations[longest[at - 1]] < this.durations[index]) {
				at--;
			}
			if (at < longest.length) {
				int kept = Math.min(found, longest.length - 1);
				System.arraycopy(longest, at, longest, at + 1, kept - at);
				longest[at] = index;
				found = kept + 1;
			}
		}
		List<GcPause> pauses = new ArrayList<>(found);
		for (int i = 0; i < found; i++) {
			int index = longest[i];
			int label = this.labelOf[index];
			long end = this.ends[index];
			pauses.add(new GcPause(this.gcIds[index], this.labels.collector(label), this.labels.kind(label),
					this.labels.cause(label), this.durations[index],
					Instant.ofEpochSecond(Math.floorDiv(end, 1_000_000_000L), Math.floorMod(end, 1_000_000_000L))));
		}
		return pauses;
	}

	/** The {@code i}-th pause held, counting back from the newest. */
	private int index(int i) {
		return Math.floorMod(this.next - 1 - i, this.ends.length);
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
