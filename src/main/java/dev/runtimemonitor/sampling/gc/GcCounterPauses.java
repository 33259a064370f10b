package dev.runtimemonitor.sampling.gc;

import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;

/**
 * Feeds the recorder from the JVM's GC counters: each pause with its own duration to the
 * nanosecond, at the cost of a few reads of memory the JVM keeps anyway. Something has to
 * say when to read: every GC notification rings, whatever its collector, and the
 * sampler's tick reads too, for pauses whose notification was lost or that have no bean
 * (G1's remarks on JDK 17).
 * <p>
 * Between two reads a collector's counters tell how many pauses it made, their exact
 * total, and the exact duration of the latest. One pause is its delta, two are the latest
 * and the rest of the delta, both exact; of three or more only the latest is its own, and
 * the others share the rest of the delta evenly. They are recorded as averaged, and the
 * count and the total stay exact.
 * <p>
 * A pause found by a read waits for its notification, which names its cause and kind: the
 * bean's collection number is the counter's invocation count. A pause whose notification
 * did not come by the tick after the one that found it is recorded without a cause; a
 * notification of a pause already recorded, or from before the recording started, is
 * ignored.
 */
final class GcCounterPauses {

	/** Pauses that may wait for their notification, per collector. */
	static final int PENDING_LIMIT = 4096;

	private static final int FIELDS = 4;

	private final GcPauseRecorder recorder;

	private final GcCounters counters;

	private final long[] last;

	private final long[] current;

	private final ArrayDeque<Pending>[] pending;

	private long tick;

	@SuppressWarnings("unchecked")
	GcCounterPauses(GcPauseRecorder recorder, GcCounters counters) {
		this.recorder = recorder;
		this.counters = counters;
		this.last = new long[counters.width()];
		this.current = new long[counters.width()];
		this.pending = new ArrayDeque[counters.size()];
		for (int i = 0; i < this.pending.length; i++) {
			this.pending[i] = new ArrayDeque<>();
		}
		// Pauses before the recording started are not the recorder's.
		counters.read(this.last);
	}

	/**
	 * A GC notification rang: read the counters and record the notified pause with its
	 * measured duration.
	 * @param notified the pause as the notification has it, in whole milliseconds, or
	 * {@code null} for a notification of a concurrent cycle, which only rings
	 * @return whether the counters time this bean's pauses; when not, the caller records
	 * the notified pause as it is
	 */
	synchronized boolean onNotification(@Nullable GcPause notified) {
		readCounters();
		int collector = (notified != null) ? this.counters.collectorNotifiedBy(notified.collector()) : -1;
		if (notified == null || collector < 0) {
			return false;
		}
		ArrayDeque<Pending> waiting = this.pending[collector];
		// Notifications of one bean come in order: any pause before this one that still
		// waits has lost its own.
		while (!waiting.isEmpty() && waiting.peekFirst().number() < notified.gcId()) {
			recordWithoutCause(collector, waiting.pollFirst());
		}
		if (!waiting.isEmpty() && waiting.peekFirst().number() == notified.gcId()) {
			record(collector, waiting.pollFirst(), notified.cause(), notified.kind());
		}
		return true;
	}

	/**
	 * The sampler's tick: read the counters, and record without a cause the pauses that
	 * found no notification since the previous tick.
	 */
	synchronized void onTick() {
		readCounters();
		for (int collector = 0; collector < this.pending.length; collector++) {
			ArrayDeque<Pending> waiting = this.pending[collector];
			while (!waiting.isEmpty() && waiting.peekFirst().tick() < this.tick) {
				recordWithoutCause(collector, waiting.pollFirst());
			}
		}
		this.tick++;
	}

	private void readCounters() {
		this.counters.read(this.current);
		for (int collector = 0; collector < this.counters.size(); collector++) {
			int at = collector * FIELDS;
			long count = this.current[at] - this.last[at];
			if (count > 0) {
				split(collector, count, this.current[at + 1] - this.last[at + 1], this.current[at + 2],
						this.current[at + 3]);
			}
		}
		System.arraycopy(this.current, 0, this.last, 0, this.current.length);
	}

	/**
	 * Split a collector's new pauses: the latest is its own entry to exit; the others
	 * share the rest of the time, exactly when there is one, evenly when there are more.
	 */
	private void split(int collector, long count, long timeNanos, long latestEntry, long latestExit) {
		long latest = Math.min(Math.max(latestExit - latestEntry, 0), timeNanos);
		long rest = timeNanos - latest;
		long earlier = count - 1;
		long first = this.current[collector * FIELDS] - count + 1;
		for (long i = 0; i < earlier; i++) {
			// The remainder goes to the first ones, so the shares add up to the rest.
			long share = rest / earlier + ((i < rest % earlier) ? 1 : 0);
			// They ended before the latest began; when exactly is not known.
			add(collector, new Pending(first + i, share, latestEntry, earlier > 1, this.tick));
		}
		add(collector, new Pending(first + earlier, latest, latestExit, false, this.tick));
	}

	private void add(int collector, Pending pause) {
		ArrayDeque<Pending> waiting = this.pending[collector];
		if (waiting.size() == PENDING_LIMIT) {
			recordWithoutCause(collector, waiting.pollFirst());
		}
		waiting.addLast(pause);
	}

	/**
	 * Record a pause whose notification never came: no cause, and the kind its
	 * collector's pauses have.
	 */
	private void recordWithoutCause(int collector, Pending pause) {
		record(collector, pause, GcPause.UNKNOWN_CAUSE, this.counters.kind(collector));
	}

	private void record(int collector, Pending pause, String cause, String kind) {
		this.recorder.recordPause(new GcPause(pause.number(), this.counters.collection(collector), kind, cause,
				pause.durationNanos(), this.counters.instantOf(pause.endNanos()), pause.averaged()));
	}

	/**
	 * A pause the counters found, waiting for its notification.
	 *
	 * @param number the collector's count of pauses up to this one, the notification's
	 * collection number
	 * @param durationNanos how long it lasted
	 * @param endNanos when it ended, on the counters' clock
	 * @param averaged whether the duration is a share of a sum
	 * @param tick the tick during which it was found
	 */
	private record Pending(long number, long durationNanos, long endNanos, boolean averaged, long tick) {
	}

}
