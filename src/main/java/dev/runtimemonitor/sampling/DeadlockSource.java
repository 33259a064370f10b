package dev.runtimemonitor.sampling;

import java.lang.management.ThreadMXBean;

/**
 * Counts threads deadlocked on monitors and, where the JVM tracks them, on ownable
 * synchronizers such as {@code ReentrantLock}. The search is a stop-the-world VM
 * operation, so the sampler runs it on its own, longer interval.
 */
final class DeadlockSource implements SampleSource<Integer> {

	private final ThreadMXBean threads;

	DeadlockSource(ThreadMXBean threads) {
		this.threads = threads;
	}

	@Override
	public String name() {
		return "deadlocks";
	}

	@Override
	public Integer read() {
		long[] deadlocked = this.threads.isSynchronizerUsageSupported() ? this.threads.findDeadlockedThreads()
				: this.threads.findMonitorDeadlockedThreads();
		return (deadlocked != null) ? deadlocked.length : 0;
	}

}
