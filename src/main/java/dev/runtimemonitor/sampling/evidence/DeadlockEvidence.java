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
 * @param deadlockedThreads how many threads the JVM found deadlocked
 * @param threads the threads kept, at most the capture's limit, so possibly fewer
 */
public record DeadlockEvidence(int deadlockedThreads, List<DeadlockedThread> threads) {

	/** No deadlock. */
	public static final DeadlockEvidence NONE = new DeadlockEvidence(0, List.of());

	public DeadlockEvidence {
		threads = List.copyOf(threads);
	}

	/**
	 * Evidence from the threads found, ordered along their cycles and bounded.
	 * @param deadlockedThreads how many threads the JVM found deadlocked
	 * @param threads the threads read, in any order
	 * @param maxThreads the most threads to keep
	 * @param maxDepth the most frames to keep of each thread's stack
	 * @return the evidence
	 */
	public static DeadlockEvidence of(int deadlockedThreads, List<DeadlockedThread> threads, int maxThreads,
			int maxDepth) {
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
		return new DeadlockEvidence(Math.max(deadlockedThreads, threads.size()), ordered);
	}

	/**
	 * Whether any thread is deadlocked.
	 * @return {@code true} when the JVM found deadlocked threads
	 */
	public boolean found() {
		return this.deadlockedThreads > 0;
	}

	/**
	 * The evidence as {@code jstack} shows a deadlock, bounded by
	 * {@link TextBound#DEFAULT}.
	 * @return the text
	 */
	public String text() {
		return TextBound.DEFAULT.apply(DeadlockFormatter.format(this));
	}

}
