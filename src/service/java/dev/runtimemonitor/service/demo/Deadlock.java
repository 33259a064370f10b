package dev.runtimemonitor.service.demo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two threads that take two locks in opposite order and wait for each other for good: the
 * classic deadlock, which only a restart cures. One per process; asking again is refused.
 * <p>
 * The threads wait interruptibly, so that {@link #close()} can end them when the
 * application context closes; nothing reachable over HTTP does.
 */
public final class Deadlock implements AutoCloseable {

	private final ReentrantLock first = new ReentrantLock();

	private final ReentrantLock second = new ReentrantLock();

	private List<Thread> threads = List.of();

	/**
	 * Deadlock two threads. Returns once both hold their first lock, so the deadlock is
	 * certain by the time the caller hears of it.
	 * @return the names of the deadlocked threads
	 */
	public synchronized List<String> start() {
		if (!this.threads.isEmpty()) {
			throw DemoRefusedException.conflict("Already deadlocked: " + names() + "; only a restart ends it");
		}
		CountDownLatch bothHeld = new CountDownLatch(2);
		this.threads = List.of(lockInOrder("demo-deadlock-1", this.first, this.second, bothHeld),
				lockInOrder("demo-deadlock-2", this.second, this.first, bothHeld));
		this.threads.forEach(Thread::start);
		try {
			bothHeld.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return names();
	}

	private static Thread lockInOrder(String name, ReentrantLock outer, ReentrantLock inner, CountDownLatch bothHeld) {
		return Thread.ofPlatform().name(name).daemon(true).unstarted(() -> {
			try {
				outer.lockInterruptibly();
				try {
					bothHeld.countDown();
					bothHeld.await();
					inner.lockInterruptibly();
					inner.unlock();
				}
				finally {
					outer.unlock();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	/**
	 * The deadlocked threads' names.
	 * @return the names, empty before {@link #start()}
	 */
	public synchronized List<String> names() {
		return this.threads.stream().map(Thread::getName).toList();
	}

	@Override
	public synchronized void close() throws InterruptedException {
		for (Thread thread : this.threads) {
			thread.interrupt();
		}
		for (Thread thread : this.threads) {
			thread.join(5000);
		}
	}

}
