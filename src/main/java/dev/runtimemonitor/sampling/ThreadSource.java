package dev.runtimemonitor.sampling;

import java.lang.management.ThreadMXBean;

import org.jspecify.annotations.Nullable;

/**
 * Platform thread counts: four cheap reads of counters the JVM keeps anyway. Not
 * thread-safe: only the sampling thread reads it.
 */
final class ThreadSource implements SampleSource<ThreadFigures> {

	private final ThreadMXBean threads;

	private @Nullable ThreadFigures last;

	ThreadSource(ThreadMXBean threads) {
		this.threads = threads;
	}

	@Override
	public String name() {
		return "threads";
	}

	/**
	 * Read the counts; the previous figures are returned as they are while no count
	 * moved.
	 */
	@Override
	public ThreadFigures read() {
		ThreadFigures last = this.last;
		int live = this.threads.getThreadCount();
		int daemon = this.threads.getDaemonThreadCount();
		int peak = this.threads.getPeakThreadCount();
		long started = this.threads.getTotalStartedThreadCount();
		if (last != null && last.live() == live && last.daemon() == daemon && last.peak() == peak
				&& last.started() == started) {
			return last;
		}
		ThreadFigures figures = new ThreadFigures(live, daemon, peak, started);
		this.last = figures;
		return figures;
	}

}
