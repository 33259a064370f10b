package dev.runtimemonitor.sampling.gc;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes a pause recorder to the JVM's GC events, from the most precise source that
 * costs little: the JVM's GC counters, rung by GC notifications; Flight Recorder event
 * streaming where the counters are missing (Shenandoah, or no counter file); GC
 * notifications alone, in whole milliseconds, last. It says which in the log, and the
 * recorder says why. Start it once the recorder's listeners (the pause histogram) are in
 * place; close it to stop the stream or remove the notification listeners.
 */
public final class GcEventSubscription implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GcEventSubscription.class);

	private final GcPauseRecorder recorder = new GcPauseRecorder();

	private final Source source;

	private final Supplier<PerfCounters> counters;

	private @Nullable AutoCloseable events;

	private @Nullable GcCounterPauses counterPauses;

	/**
	 * Create a subscription that is not started yet.
	 * @param source where the pauses should come from
	 */
	public GcEventSubscription(Source source) {
		this(source, PerfCounters::ofThisJvm);
	}

	/**
	 * Create a subscription that is not started yet, reading the GC counters from where a
	 * test says.
	 * @param source where the pauses should come from
	 * @param counters the JVM's performance counters, or an {@link IllegalStateException}
	 * that says why there are none
	 */
	GcEventSubscription(Source source, Supplier<PerfCounters> counters) {
		this.source = source;
		this.counters = counters;
	}

	/**
	 * Start delivering GC events to the recorder. Does nothing when already started.
	 */
	public synchronized void start() {
		if (this.events != null) {
			return;
		}
		List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
		String missing = "runtime-monitor.gc-events=" + this.source.name().toLowerCase(Locale.ROOT);
		if (this.source == Source.AUTO || this.source == Source.COUNTERS) {
			try {
				GcCounters counters = GcCounters.of(this.counters.get(),
						beans.stream().map(GarbageCollectorMXBean::getName).toList());
				this.counterPauses = new GcCounterPauses(this.recorder, counters);
				this.events = GcNotificationListener.start(this.recorder, beans, this.counterPauses);
				started("counters", "pauses from the JVM's GC counters", "read from " + counters.origin());
				return;
			}
			catch (RuntimeException ex) {
				missing = ex.getMessage();
			}
		}
		if (this.source == Source.AUTO || this.source == Source.JFR) {
			try {
				this.events = JfrGcEventStream.start(this.recorder);
				started("jfr", (this.source == Source.JFR) ? "pauses from Flight Recorder (" + missing + ")"
						: "pauses from Flight Recorder: " + missing, null);
				return;
			}
			catch (RuntimeException | LinkageError ex) {
				missing = missing + "; Flight Recorder is unavailable: " + ex.getMessage();
			}
		}
		this.events = GcNotificationListener.start(this.recorder, beans, null);
		String reason = (this.source == Source.NOTIFICATIONS)
				? "pauses from GC notifications, in whole milliseconds (" + missing + ")"
				: "pauses from GC notifications, in whole milliseconds: " + missing;
		logger.warn("GC {}; short pauses read as 0", reason);
		this.recorder.started("notifications", reason);
	}

	private void started(String name, String reason, @Nullable String detail) {
		logger.info("GC {}{}", reason, (detail != null) ? " (" + detail + ")" : "");
		this.recorder.started(name, reason);
	}

	/**
	 * Catch up before the recorder's figures are read: pauses the counters hold whose
	 * notification was lost, or that no bean notifies of, are recorded now.
	 */
	void catchUp() {
		GcCounterPauses counterPauses;
		synchronized (this) {
			counterPauses = (this.events != null) ? this.counterPauses : null;
		}
		if (counterPauses != null) {
			counterPauses.onTick();
		}
	}

	/**
	 * Whether events are being delivered.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public synchronized boolean isRunning() {
		return this.events != null;
	}

	/**
	 * The recorder the events feed.
	 * @return the recorder
	 */
	public GcPauseRecorder recorder() {
		return this.recorder;
	}

	@Override
	public synchronized void close() {
		AutoCloseable events = this.events;
		this.events = null;
		this.counterPauses = null;
		if (events != null) {
			try {
				events.close();
			}
			catch (Exception ex) {
				logger.debug("Stopping the GC event subscription failed", ex);
			}
		}
	}

	/**
	 * Where pauses come from.
	 */
	public enum Source {

		/**
		 * The GC counters where the JVM has them, else Flight Recorder, else
		 * notifications.
		 */
		AUTO,

		/** The GC counters, else notifications. */
		COUNTERS,

		/** Flight Recorder, else notifications. */
		JFR,

		/** GC notifications, whole milliseconds. */
		NOTIFICATIONS

	}

}
