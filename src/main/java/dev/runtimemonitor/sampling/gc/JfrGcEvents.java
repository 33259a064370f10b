package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Feeds the recorder from JDK Flight Recorder event streaming: every
 * {@code jdk.GCPhasePause} (one per pause, nanosecond precision) and every
 * {@code jdk.GarbageCollection} (one per collection, with its name and whole duration). A
 * collection's pauses arrive before the collection itself, so they wait, bounded, for it
 * to name their collector; a collection that lasted longer than its pauses is also
 * recorded as a concurrent cycle. The stream keeps at most a few seconds and megabytes of
 * events.
 */
final class JfrGcEvents implements AutoCloseable {

	/** Collections whose pauses may wait for their collection event at once. */
	static final int PENDING_LIMIT = 64;

	private static final Duration MAX_AGE = Duration.ofSeconds(10);

	private static final long MAX_SIZE = 10L * 1024 * 1024;

	private final GcPauseRecorder recorder;

	private final RecordingStream stream;

	private final Map<Long, List<PendingPause>> pending = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, List<PendingPause>> eldest) {
			if (size() > PENDING_LIMIT) {
				eldest.getValue().forEach((pause) -> record(eldest.getKey(), "unknown", pause));
				return true;
			}
			return false;
		}

	};

	private final Map<Long, String> finished = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
			return size() > PENDING_LIMIT;
		}

	};

	JfrGcEvents(GcPauseRecorder recorder, RecordingStream stream) {
		this.recorder = recorder;
		this.stream = stream;
	}

	/**
	 * Start streaming GC events into a recorder.
	 * @param recorder the recorder to feed
	 * @return the running event source
	 * @throws IllegalStateException when Flight Recorder is not available in this JVM
	 */
	static JfrGcEvents start(GcPauseRecorder recorder) {
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
			// it
			// whatever the order, so the stream need neither allocate nor sort events.
			stream.setReuse(true);
			stream.setOrdered(false);
			JfrGcEvents events = new JfrGcEvents(recorder, stream);
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
		onCollection(event.getLong("gcId"), event.getString("name"), event.getDuration().toNanos(),
				event.getDuration("sumOfPauses").toNanos(), event.getEndTime());
	}

	void onPause(long gcId, String name, long durationNanos, Instant end) {
		PendingPause pause = new PendingPause(name, durationNanos, end);
		String collection = this.finished.get(gcId);
		if (collection != null) {
			record(gcId, collection, pause);
		}
		else {
			this.pending.computeIfAbsent(gcId, (id) -> new ArrayList<>(4)).add(pause);
		}
	}

	void onCollection(long gcId, String collection, long durationNanos, long sumOfPausesNanos, Instant end) {
		List<PendingPause> pauses = this.pending.remove(gcId);
		if (pauses != null) {
			pauses.forEach((pause) -> record(gcId, collection, pause));
		}
		this.finished.put(gcId, collection);
		this.recorder.recordCollection();
		if (durationNanos > sumOfPausesNanos) {
			this.recorder.recordConcurrentCycle(new ConcurrentCycle(gcId, collection, durationNanos, end));
		}
	}

	private void record(long gcId, String collection, PendingPause pause) {
		this.recorder.recordPause(new GcPause(gcId, collection, PauseKinds.of(collection, pause.name()),
				pause.durationNanos(), pause.end()));
	}

	int pendingCollections() {
		return this.pending.size();
	}

	@Override
	public void close() {
		this.stream.close();
	}

	private record PendingPause(String name, long durationNanos, Instant end) {
	}

}
