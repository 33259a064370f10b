package dev.runtimemonitor.sampling;

import java.lang.management.ThreadMXBean;

/**
 * Platform thread counts: four cheap reads of counters the JVM keeps anyway.
 */
final class ThreadSource implements SampleSource<ThreadFigures> {

	private final ThreadMXBean threads;

	ThreadSource(ThreadMXBean threads) {
		this.threads = threads;
	}

	@Override
	public String name() {
		return "threads";
	}

	@Override
	public ThreadFigures read() {
		return new ThreadFigures(this.threads.getThreadCount(), this.threads.getDaemonThreadCount(),
				this.threads.getPeakThreadCount(), this.threads.getTotalStartedThreadCount());
	}

}
