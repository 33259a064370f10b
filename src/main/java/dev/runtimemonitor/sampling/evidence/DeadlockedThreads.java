package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadlocked threads, in the order of their cycles: each thread is followed by the
 * thread that holds the lock it waits for, as {@code jstack} lists them.
 *
 * @param count how many threads the JVM found deadlocked
 * @param threads the threads kept, at most the source's limit, so possibly fewer
 */
public record DeadlockedThreads(int count, List<DeadlockedThread> threads) {

	/** No deadlock. */
	public static final DeadlockedThreads NONE = new DeadlockedThreads(0, List.of());

	public DeadlockedThreads {
		threads = List.copyOf(threads);
	}

	/**
	 * The threads found, ordered along their cycles and bounded.
	 * @param count how many threads the JVM found deadlocked
	 * @param threads the threads read, in any order
	 * @param maxThreads the most threads to keep
	 * @param maxDepth the most frames to keep of each thread's stack
	 * @return the deadlocked threads
	 */
	public static DeadlockedThreads of(int count, List<DeadlockedThread> threads, int maxThreads, int maxDepth) {
		Map<Long, DeadlockedThread> byId = new LinkedHashMap<>();
		threads.stream()
			.sorted(Comparator.comparingLong(DeadlockedThread::id))
			.forEach((thread) -> byId.put(thread.id(), thread));
		List<DeadlockedThread> ordered = new ArrayList<>(byId.size());
		while (!byId.isEmpty() && ordered.size() < maxThreads) {
			DeadlockedThread next = byId.values().iterator().next();
			while (next != null && ordered.size() < maxThreads) {
				byId.remove(next.id());
				ordered.add(next.withMaxDepth(maxDepth));
				next = byId.get(next.lockOwnerId());
			}
		}
		return new DeadlockedThreads(Math.max(count, threads.size()), ordered);
	}

	/**
	 * Whether any thread is deadlocked.
	 * @return {@code true} when the JVM found deadlocked threads
	 */
	public boolean found() {
		return this.count > 0;
	}

	/**
	 * How many deadlocked threads were left out.
	 * @return the threads found beyond the ones kept
	 */
	public int left() {
		return this.count - this.threads.size();
	}

}
