package dev.runtimemonitor.sampling.evidence;

import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the deadlocked threads with their stacks and locks, for the evidence of the
 * deadlock check (the sampler's {@code DeadlockSource} only counts them, at every
 * search). Two VM operations, each stopping the world briefly: the deadlock search, then
 * one thread dump of only the deadlocked threads, cut to the source's depth.
 */
public final class DeadlockedThreadsSource {

	/** Frames kept of each deadlocked thread's stack by default. */
	public static final int DEFAULT_MAX_DEPTH = 32;

	/** Deadlocked threads kept by default. */
	public static final int DEFAULT_MAX_THREADS = 16;

	private final ThreadMXBean threads;

	private final int maxDepth;

	private final int maxThreads;

	/**
	 * A source with the default limits.
	 * @param threads the thread bean
	 */
	public DeadlockedThreadsSource(ThreadMXBean threads) {
		this(threads, DEFAULT_MAX_DEPTH, DEFAULT_MAX_THREADS);
	}

	/**
	 * A source with its own limits.
	 * @param threads the thread bean
	 * @param maxDepth the most frames kept of each stack, at least 1
	 * @param maxThreads the most threads kept, at least 2 (one cycle)
	 */
	public DeadlockedThreadsSource(ThreadMXBean threads, int maxDepth, int maxThreads) {
		if (maxDepth < 1 || maxThreads < 2) {
			throw new IllegalArgumentException("'maxDepth' must be at least 1 and 'maxThreads' at least 2");
		}
		this.threads = threads;
		this.maxDepth = maxDepth;
		this.maxThreads = maxThreads;
	}

	/**
	 * Search for deadlocked threads and read them.
	 * @return the threads, {@link DeadlockedThreads#NONE} when no thread is deadlocked
	 */
	public DeadlockedThreads read() {
		boolean synchronizers = this.threads.isSynchronizerUsageSupported();
		long[] ids = synchronizers ? this.threads.findDeadlockedThreads() : this.threads.findMonitorDeadlockedThreads();
		if (ids == null || ids.length == 0) {
			return DeadlockedThreads.NONE;
		}
		long[] kept = Arrays.copyOf(ids, Math.min(ids.length, this.maxThreads));
		// One frame more than kept, so a cut stack shows as cut
		ThreadInfo[] infos = this.threads.getThreadInfo(kept, this.threads.isObjectMonitorUsageSupported(),
				synchronizers, this.maxDepth + 1);
		List<DeadlockedThread> found = Arrays.stream(infos)
			.filter(Objects::nonNull)
			.map(DeadlockedThreadsSource::deadlockedThread)
			.toList();
		return DeadlockedThreads.of(ids.length, found, this.maxThreads, this.maxDepth);
	}

	static DeadlockedThread deadlockedThread(ThreadInfo info) {
		StackTraceElement[] trace = info.getStackTrace();
		List<List<LockRef>> lockedAt = new ArrayList<>(trace.length);
		for (int i = 0; i < trace.length; i++) {
			lockedAt.add(new ArrayList<>(1));
		}
		List<LockRef> monitors = new ArrayList<>();
		for (MonitorInfo monitor : info.getLockedMonitors()) {
			LockRef lock = lockRef(monitor);
			monitors.add(lock);
			int depth = monitor.getLockedStackDepth();
			if (depth >= 0 && depth < trace.length) {
				lockedAt.get(depth).add(lock);
			}
		}
		List<StackFrame> stack = new ArrayList<>(trace.length);
		for (int i = 0; i < trace.length; i++) {
			stack.add(new StackFrame(trace[i].toString(), lockedAt.get(i)));
		}
		List<LockRef> synchronizers = Arrays.stream(info.getLockedSynchronizers())
			.map(DeadlockedThreadsSource::lockRef)
			.toList();
		LockInfo waitingFor = info.getLockInfo();
		return new DeadlockedThread(info.getThreadName(), info.getThreadId(), info.getThreadState(), info.isDaemon(),
				(waitingFor != null) ? lockRef(waitingFor) : null, info.getLockOwnerName(), info.getLockOwnerId(),
				stack, false, monitors, synchronizers);
	}

	private static LockRef lockRef(LockInfo lock) {
		return new LockRef(lock.getClassName(), lock.getIdentityHashCode());
	}

}
