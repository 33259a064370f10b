package dev.runtimemonitor.autoconfigure;

import java.util.List;

import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.sampling.gc.GcEventListener;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the monitor with the context, before the web server takes traffic, so the first
 * probe already finds a sample; stops it after the server has drained, so health stays
 * truthful during a graceful shutdown.
 */
final class RuntimeMonitorLifecycle implements SmartLifecycle {

	/** Before the web server starts (and so after it stops). */
	static final int PHASE = 0;

	private final RuntimeMonitor monitor;

	private final List<MonitorListener> listeners;

	private final @Nullable GcEventSubscription pauses;

	private final List<GcEventListener> pauseListeners;

	private boolean listenersAdded;

	RuntimeMonitorLifecycle(RuntimeMonitor monitor, List<MonitorListener> listeners,
			@Nullable GcEventSubscription pauses, List<GcEventListener> pauseListeners) {
		this.monitor = monitor;
		this.listeners = listeners;
		this.pauses = pauses;
		this.pauseListeners = pauseListeners;
	}

	@Override
	public synchronized void start() {
		if (!this.listenersAdded) {
			this.listeners.forEach(this.monitor::addListener);
			if (this.pauses != null) {
				this.pauseListeners.forEach(this.pauses.recorder()::addListener);
			}
			this.listenersAdded = true;
		}
		if (this.pauses != null) {
			this.pauses.start();
		}
		this.monitor.start();
	}

	@Override
	public synchronized void stop() {
		this.monitor.stop();
		if (this.pauses != null) {
			this.pauses.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.monitor.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
