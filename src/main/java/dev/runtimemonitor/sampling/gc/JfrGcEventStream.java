package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Feeds the recorder from JDK Flight Recorder event streaming: every
 * {@code jdk.GCPhasePause} (one per pause, nanosecond precision) and every
 * {@code jdk.GarbageCollection} (one per collection, with its name, cause and whole
 * duration). A collection that lasted longer than its pauses is also recorded as a
 * concurrent cycle.
 * <p>
 * A pause is recorded once its collection has named it, and given its cause. The stream
 * is unordered, so the two meet in either order: pauses usually arrive before their
 * collection, and wait for it; the pauses of a concurrent cycle (a G1 remark, a ZGC major
 * collection's old-generation pauses, a Shenandoah cycle) wait until the cycle ends,
 * however many other collections finish meanwhile; and a pause written by another thread
 * can arrive after its collection, even hundreds of collections later in a GC storm, and
 * is named from the collections remembered. Nothing is dropped: only when more pauses
 * wait than {@link #PENDING_LIMIT} are the longest-waiting recorded unnamed, and the
 * stream's close records whatever still waits. The stream keeps at most a few seconds and
 * megabytes of events.
 */
final class JfrGcEventStream implements AutoCloseable {

	/** Pauses that may wait for their collection at once. */
	static final int PENDING_LIMIT = 4096;

	/** Collections remembered by name, for pauses that arrive after them. */
	static final int NAMED_COLLECTIONS = 4096;

	/** What a pause is recorded as when its collection never named it. */
	static final String UNNAMED = "unknown";

	private static final Duration MAX_AGE = Duration.ofSeconds(10);

	private static final long MAX_SIZE = 10L * 1024 * 1024;

	private final GcPauseRecorder recorder;

	private final RecordingStream stream;

	/** Waiting pauses by collection, the collection that waits longest first. */
	private final Map<Long, List<PendingPause>> pending = new LinkedHashMap<>();

	private int pendingPauses;

	/**
	 * The names of recent collections, each at its id modulo the capacity: collection ids
	 * count up, so a slot is reused only after that many newer collections.
	 */
	private final long[] namedIds = new long[NAMED_COLLECTIONS];

	private final String[] names = new String[NAMED_COLLECTIONS];

	private final String[] causes = new String[NAMED_COLLECTIONS];

	JfrGcEventStream(GcPauseRecorder recorder, RecordingStream stream) {
		this.recorder = recorder;
		this.stream = stream;
		Arrays.fill(this.namedIds, -1);
	}

	/**
	 * Start streaming GC events into a recorder.
	 * @param recorder the recorder to feed
	 * @return the running event source
	 * @throws IllegalStateException when Flight Recorder is not available in this JVM
	 */
	static JfrGcEventStream start(GcPauseRecorder recorder) {
		if (!FlightRecorder.isAvailable()) {
			throw new IllegalStateException("Flight Recorder is not available in this JVM");
		}
		RecordingStream stream = new RecordingStream();
		try {
			stream.enable("jdk.GCPhasePause").withoutThreshold();
			stream.enable("jdk.GarbageCollection").withoutThreshold();
			stream.setMaxAge(MAX_AGE);
			stream.setMaxSize(MAX_SIZE);
			// Fields are copied out of each event at once, and a collection's pauses meet
			// it whatever the order, so the stream need neither allocate nor sort events.
			stream.setReuse(true);
			stream.setOrdered(false);
			JfrGcEventStream events = new JfrGcEventStream(recorder, stream);
			stream.onEvent("jdk.GCPhasePause", events::onPause);
			stream.onEvent("jdk.GarbageCollection", events::onCollection);
			stream.startAsync();
			return events;
		}
		catch (RuntimeException ex) {
			stream.close();
			throw ex;
		}
	}

	private void onPause(RecordedEvent event) {
		onPause(event.getLong("gcId"), event.getString("name"), event.getDuration().toNanos(), event.getEndTime());
	}

	private void onCollection(RecordedEvent event) {
		String cause = event.getString("cause");
		onCollection(event.getLong("gcId"), event.getString("name"), (cause != null) ? cause : GcPause.UNKNOWN_CAUSE,
				event.getDuration().toNanos(), event.getDuration("sumOfPauses").toNanos(), event.getEndTime());
	}

	synchronized void onPause(long gcId, String name, long durationNanos, Instant end) {
		PendingPause pause = new PendingPause(name, durationNanos, end);
		int slot = slotOf(gcId);
		if (slot >= 0) {
			record(gcId, this.names[slot], this.causes[slot], pause);
			return;
		}
		this.pending.computeIfAbsent(gcId, (id) -> new ArrayList<>(4)).add(pause);
		if (++this.pendingPauses > PENDING_LIMIT) {
			Map.Entry<Long, List<PendingPause>> longest = this.pending.entrySet().iterator().next();
			release(longest.getKey(), UNNAMED, GcPause.UNKNOWN_CAUSE);
		}
	}

	synchronized void onCollection(long gcId, String collection, String cause, long durationNanos,
			long sumOfPausesNanos, Instant end) {
		int slot = (int) Math.floorMod(gcId, (long) NAMED_COLLECTIONS);
		this.namedIds[slot] = gcId;
		this.names[slot] = collection;
		this.causes[slot] = cause;
		release(gcId, collection, cause);
		this.recorder.recordCollection();
		if (durationNanos > sumOfPausesNanos) {
			this.recorder.recordConcurrentCycle(new ConcurrentCycle(gcId, collection, durationNanos, end));
		}
	}

	/**
	 * Where a remembered collection's name and cause are, or -1 when it was not named.
	 */
	private int slotOf(long gcId) {
		int slot = (int) Math.floorMod(gcId, (long) NAMED_COLLECTIONS);
		return (this.namedIds[slot] == gcId) ? slot : -1;
	}

	private void release(long gcId, String collection, String cause) {
		List<PendingPause> pauses = this.pending.remove(gcId);
		if (pauses != null) {
			this.pendingPauses -= pauses.size();
			pauses.forEach((pause) -> record(gcId, collection, cause, pause));
		}
	}

	private void record(long gcId, String collection, String cause, PendingPause pause) {
		this.recorder.recordPause(new GcPause(gcId, collection, PauseKinds.of(collection, pause.name()), cause,
				pause.durationNanos(), pause.end()));
	}

	synchronized int pendingPauses() {
		return this.pendingPauses;
	}

	/**
	 * Stop the stream, then record the pauses that still wait, unnamed: they happened,
	 * and the count stays exact.
	 */
	@Override
	public void close() {
		this.stream.close();
		synchronized (this) {
			while (!this.pending.isEmpty()) {
				release(this.pending.keySet().iterator().next(), UNNAMED, GcPause.UNKNOWN_CAUSE);
			}
		}
	}

	private record PendingPause(String name, long durationNanos, Instant end) {
	}

}
