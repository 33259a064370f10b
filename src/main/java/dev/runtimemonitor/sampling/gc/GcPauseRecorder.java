package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.runtimemonitor.sampling.GcPauseFigures;
import org.jspecify.annotations.Nullable;

/**
 * Keeps what the GC event sources deliver: running totals, a bounded window of recent
 * pauses with their collector, kind and cause, and listeners (the pause histogram) told
 * about each event. Memory is fixed however many collections happen: no list of events
 * grows.
 */
public final class GcPauseRecorder {

	/** Pauses kept for the window percentiles. */
	static final int WINDOW_CAPACITY = 8192;

	private volatile String source = "none";

	private volatile String sourceReason = "no pauses recorded yet";

	private final PauseWindow window = new PauseWindow(WINDOW_CAPACITY);

	private final List<GcEventListener> listeners = new CopyOnWriteArrayList<>();

	private long collections;

	private long pauses;

	private long averagedPauses;

	private long pauseNanos;

	private long diagnosticPauseNanos;

	private long concurrentNanos;

	private @Nullable Instant lastPauseEnd;

	private long version;

	private @Nullable Cached cached;

	/**
	 * Note what feeds the recorder from now on.
	 * @param source {@code counters}, {@code jfr} or {@code notifications}
	 * @param reason one sentence on the source and why it is the one in use
	 */
	void started(String source, String reason) {
		synchronized (this) {
			this.version++;
			this.source = source;
			this.sourceReason = reason;
		}
	}

	/**
	 * Where the pauses come from.
	 * @return {@code counters}, {@code jfr}, {@code notifications}, or {@code none}
	 * before the recording started
	 */
	public String source() {
		return this.source;
	}

	/**
	 * Why the pauses come from where they do.
	 * @return one sentence, such as "pauses from the JVM's GC counters"
	 */
	public String sourceReason() {
		return this.sourceReason;
	}

	/**
	 * Tell a listener about every pause and cycle from now on.
	 * @param listener the listener
	 */
	public void addListener(GcEventListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Record a pause.
	 * @param pause the pause
	 */
	public void recordPause(GcPause pause) {
		synchronized (this) {
			this.version++;
			this.pauses++;
			if (pause.averaged()) {
				this.averagedPauses++;
			}
			this.pauseNanos += pause.durationNanos();
			if (GcPause.isDiagnostic(pause.cause())) {
				this.diagnosticPauseNanos += pause.durationNanos();
			}
			this.window.add(epochNanos(pause.end()), pause.durationNanos(), pause.gcId(), pause.collector(),
					pause.kind(), pause.cause());
			if (this.lastPauseEnd == null || pause.end().isAfter(this.lastPauseEnd)) {
				this.lastPauseEnd = pause.end();
			}
		}
		for (GcEventListener listener : this.listeners) {
			listener.onPause(pause);
		}
	}

	/**
	 * Record a concurrent cycle.
	 * @param cycle the cycle
	 */
	public void recordConcurrentCycle(ConcurrentCycle cycle) {
		synchronized (this) {
			this.version++;
			this.concurrentNanos += cycle.durationNanos();
		}
		for (GcEventListener listener : this.listeners) {
			listener.onConcurrentCycle(cycle);
		}
	}

	/**
	 * Record that a collection completed.
	 */
	public synchronized void recordCollection() {
		this.version++;
		this.collections++;
	}

	/**
	 * The figures as of a time. While nothing new was recorded and no pause has left the
	 * window, the previous figures are returned as they are.
	 * @param now the end of the window
	 * @param window the window's span
	 * @return totals, window percentiles and causes
	 */
	public synchronized GcPauseFigures figures(Instant now, Duration window) {
		long windowStart = epochNanos(now.minus(window));
		Cached cached = this.cached;
		if (cached != null && cached.version() == this.version && cached.window().equals(window)
				&& windowStart <= cached.oldestEnd()) {
			return cached.figures();
		}
		PauseWindow.Percentiles percentiles = this.window.since(windowStart);
		GcPauseFigures figures = new GcPauseFigures(this.source, this.sourceReason, this.collections, this.pauses,
				this.averagedPauses, this.pauseNanos, this.diagnosticPauseNanos, this.concurrentNanos,
				percentiles.count(), percentiles.p50(), percentiles.p90(), percentiles.p99(), percentiles.max(),
				this.lastPauseEnd, this.window.causesSince(windowStart));
		this.cached = new Cached(this.version, window, percentiles.oldestEnd(), figures);
		return figures;
	}

	/**
	 * The longest pauses within a window, diagnostic ones included, with their collector,
	 * kind and cause. For evidence, not for every tick: it allocates.
	 * @param now the end of the window
	 * @param window the window's span
	 * @param count how many pauses
	 * @return at most {@code count} pauses, the longest first
	 */
	public synchronized List<GcPause> longestPauses(Instant now, Duration window, int count) {
		return this.window.longestSince(epochNanos(now.minus(window)), count);
	}

	/**
	 * Figures that stay true until something is recorded or the oldest pause leaves the
	 * window.
	 */
	private record Cached(long version, Duration window, long oldestEnd, GcPauseFigures figures) {
	}

	private static long epochNanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
