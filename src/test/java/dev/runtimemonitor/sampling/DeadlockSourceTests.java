package dev.runtimemonitor.sampling;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlockSourceTests {

	private final DeadlockSource source = new DeadlockSource(ManagementFactory.getThreadMXBean());

	@Test
	void findsNoDeadlockInAHealthyJvm() {
		assertThat(this.source.read()).isZero();
	}

	@Test
	void findsTwoThreadsDeadlockedOnLocks() throws InterruptedException {
		ReentrantLock first = new ReentrantLock();
		ReentrantLock second = new ReentrantLock();
		CountDownLatch bothHeld = new CountDownLatch(2);
		Thread one = lockInOrder(first, second, bothHeld);
		Thread two = lockInOrder(second, first, bothHeld);
		try {
			await().atMost(10, TimeUnit.SECONDS).until(() -> this.source.read() == 2);
		}
		finally {
			one.interrupt();
			two.interrupt();
			one.join(5000);
			two.join(5000);
		}
		assertThat(this.source.read()).isZero();
	}

	private static Thread lockInOrder(ReentrantLock outer, ReentrantLock inner, CountDownLatch bothHeld) {
		Thread thread = new Thread(() -> {
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
		}, "deadlock-test");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
