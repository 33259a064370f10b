package dev.runtimemonitor.autoconfigure;

import java.util.List;

import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.RuntimeMonitor;

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

	private boolean listenersAdded;

	RuntimeMonitorLifecycle(RuntimeMonitor monitor, List<MonitorListener> listeners) {
		this.monitor = monitor;
		this.listeners = listeners;
	}

	@Override
	public synchronized void start() {
		if (!this.listenersAdded) {
			this.listeners.forEach(this.monitor::addListener);
			this.listenersAdded = true;
		}
		this.monitor.start();
	}

	@Override
	public void stop() {
		this.monitor.stop();
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
