package dev.runtimemonitor.sampling.gc;

import java.lang.management.ManagementFactory;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes a pause recorder to the JVM's GC events: Flight Recorder event streaming
 * when it can, GC notifications otherwise, which it says once in the log. Start it once
 * the recorder's listeners (the pause histogram) are in place; close it to stop the
 * stream or remove the notification listeners.
 */
public final class GcEventSubscription implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(GcEventSubscription.class);

	private final GcPauseRecorder recorder = new GcPauseRecorder();

	private final boolean useJfr;

	private @Nullable AutoCloseable events;

	/**
	 * Create a subscription that is not started yet.
	 * @param useJfr whether to try Flight Recorder first
	 */
	public GcEventSubscription(boolean useJfr) {
		this.useJfr = useJfr;
	}

	/**
	 * Start delivering GC events to the recorder. Does nothing when already started.
	 */
	public synchronized void start() {
		if (this.events != null) {
			return;
		}
		String reason = "runtime-monitor.gc-events=notifications";
		if (this.useJfr) {
			try {
				this.events = JfrGcEventStream.start(this.recorder);
				this.recorder.started("jfr");
				return;
			}
			catch (RuntimeException | LinkageError ex) {
				reason = "Flight Recorder unavailable: " + ex.getMessage();
			}
		}
		logger.warn("GC pauses come from GC notifications, in whole milliseconds ({}); short pauses read as 0", reason);
		this.events = GcNotificationListener.start(this.recorder, ManagementFactory.getGarbageCollectorMXBeans());
		this.recorder.started("notifications");
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
		if (events != null) {
			try {
				events.close();
			}
			catch (Exception ex) {
				logger.debug("Stopping the GC event subscription failed", ex);
			}
		}
	}

}
