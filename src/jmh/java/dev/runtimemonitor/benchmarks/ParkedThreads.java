package dev.runtimemonitor.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Parked daemon threads that bring the JVM's live platform threads up to a count, for the
 * benchmarks that measure a cost at so many threads. The benchmark's own threads and the
 * JVM's count towards it.
 */
public final class ParkedThreads implements AutoCloseable {

	private final List<Thread> threads;

	private ParkedThreads(List<Thread> threads) {
		this.threads = threads;
	}

	/**
	 * Start as many parked threads as it takes for the JVM to have a number of live
	 * threads, and wait until each has started.
	 * @param live the live platform threads wanted
	 * @return the started threads, to close once measured
	 * @throws InterruptedException if interrupted while they start
	 */
	public static ParkedThreads upTo(int live) throws InterruptedException {
		int toStart = Math.max(0, live - ManagementFactory.getThreadMXBean().getThreadCount());
		CountDownLatch started = new CountDownLatch(toStart);
		List<Thread> threads = new ArrayList<>(toStart);
		for (int i = 0; i < toStart; i++) {
			threads.add(Thread.ofPlatform().daemon().start(() -> {
				started.countDown();
				LockSupport.park();
			}));
		}
		if (!started.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException(started.getCount() + " of " + toStart + " threads did not start in 60 s");
		}
		return new ParkedThreads(threads);
	}

	/**
	 * Let the threads end.
	 */
	@Override
	public void close() {
		this.threads.forEach(LockSupport::unpark);
	}

}
