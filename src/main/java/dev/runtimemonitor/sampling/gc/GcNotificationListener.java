package dev.runtimemonitor.sampling.gc;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import dev.runtimemonitor.sampling.CollectorFigures;
import org.jspecify.annotations.Nullable;

/**
 * Feeds the recorder from GC notifications. With the GC counters, each notification rings
 * them and lends its pause the cause and kind, and the counters time it; without, the
 * notifications are the last fallback, and their durations are whole milliseconds, so
 * short pauses read as 0. The cycle beans of ZGC and Shenandoah report concurrent cycles;
 * every other bean reports pauses. Listeners are removed on close.
 */
final class GcNotificationListener implements NotificationListener, AutoCloseable {

	private static final NotificationFilter GC_ONLY = (
			notification) -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
				.equals(notification.getType());

	private final GcPauseRecorder recorder;

	private final long jvmStartMillis;

	private final @Nullable GcCounterPauses counters;

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private GcNotificationListener(GcPauseRecorder recorder, long jvmStartMillis, @Nullable GcCounterPauses counters) {
		this.recorder = recorder;
		this.jvmStartMillis = jvmStartMillis;
		this.counters = counters;
	}

	/**
	 * Listen to every GC bean.
	 * @param recorder the recorder to feed
	 * @param collectors the GC beans
	 * @param counters the GC counters that time the pauses, or {@code null} to record the
	 * notifications' whole milliseconds
	 * @return the listener, to close
	 */
	static GcNotificationListener start(GcPauseRecorder recorder, List<GarbageCollectorMXBean> collectors,
			@Nullable GcCounterPauses counters) {
		GcNotificationListener events = new GcNotificationListener(recorder,
				ManagementFactory.getRuntimeMXBean().getStartTime(), counters);
		for (GarbageCollectorMXBean collector : collectors) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(events, GC_ONLY, null);
				events.emitters.add(emitter);
			}
		}
		return events;
	}

	@Override
	public void handleNotification(Notification notification, Object handback) {
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		GcInfo gc = info.getGcInfo();
		String collector = info.getGcName();
		long durationNanos = gc.getDuration() * 1_000_000L;
		Instant end = Instant.ofEpochMilli(this.jvmStartMillis + gc.getEndTime());
		if (CollectorFigures.isConcurrent(collector)) {
			if (this.counters != null) {
				this.counters.onNotification(null);
			}
			this.recorder.recordCollection();
			this.recorder.recordConcurrentCycle(new ConcurrentCycle(gc.getId(), collector, durationNanos, end));
			return;
		}
		if (!collector.endsWith(" Pauses") && !collector.equals("G1 Concurrent GC")) {
			this.recorder.recordCollection();
		}
		GcPause pause = new GcPause(gc.getId(), collector, PauseKinds.ofAction(info.getGcAction()), info.getGcCause(),
				durationNanos, end);
		if (this.counters == null || !this.counters.onNotification(pause)) {
			this.recorder.recordPause(pause);
		}
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this);
			}
			catch (ListenerNotFoundException ex) {
				// Already gone: nothing left to remove.
			}
		}
		this.emitters.clear();
	}

	int listenerCount() {
		return this.emitters.size();
	}

}
