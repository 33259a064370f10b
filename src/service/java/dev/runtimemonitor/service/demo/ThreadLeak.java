package dev.runtimemonitor.service.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread leak on demand: platform threads that park and never end until released. At
 * most {@value #MAX_THREADS} are alive at any time, so a typo cannot exhaust the host.
 */
public final class ThreadLeak implements AutoCloseable {

	/** The most leaked threads alive at once. */
	public static final int MAX_THREADS = 10_000;

	private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean released;

	private int started;

	/**
	 * Start threads that park until {@link #release()}.
	 * @param count how many to start, from 1 to what the bound leaves room for
	 * @return how many leaked threads are alive now
	 */
	public synchronized int start(int count) {
		int room = MAX_THREADS - this.threads.size();
		if (count < 1 || count > room) {
			throw DemoRefusedException.badParameter("'count' must be between 1 and " + room + " (at most " + MAX_THREADS
					+ " demo threads at once; " + this.threads.size() + " running)");
		}
		this.released = false;
		for (int i = 0; i < count; i++) {
			Thread thread = Thread.ofPlatform()
				.name("demo-leak-" + (++this.started))
				.daemon(true)
				.unstarted(this::parkUntilReleased);
			thread.start();
			this.threads.add(thread);
		}
		return this.threads.size();
	}

	private void parkUntilReleased() {
		while (!this.released) {
			LockSupport.park(this);
		}
	}

	/**
	 * End every leaked thread and wait until they have ended, so that the next sample
	 * counts them gone.
	 * @return how many were released
	 */
	public synchronized int release() {
		this.released = true;
		this.threads.forEach(LockSupport::unpark);
		long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
		for (Thread thread : this.threads) {
			try {
				thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		int released = this.threads.size();
		this.threads.clear();
		return released;
	}

	/**
	 * How many leaked threads are alive.
	 * @return the count
	 */
	public synchronized int alive() {
		return this.threads.size();
	}

	@Override
	public void close() {
		release();
	}

}
