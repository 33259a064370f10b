package dev.runtimemonitor.monitor.evidence;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

import dev.runtimemonitor.sampling.evidence.DeadlockedThreads;
import dev.runtimemonitor.sampling.evidence.DeadlockedThreadsSource;

/**
 * Deadlocks two threads on monitors, which nothing can undo, reads the deadlock and
 * prints it as the deadlocks capture writes it; run in a JVM of its own by
 * {@link DeadlocksFormatterTests}.
 */
public final class MonitorDeadlock {

	private MonitorDeadlock() {
	}

	public static void main(String[] args) throws InterruptedException {
		Object first = new Object();
		Object second = new Object();
		CountDownLatch bothHeld = new CountDownLatch(2);
		synchronizedInOrder("monitor-deadlock-1", first, second, bothHeld);
		synchronizedInOrder("monitor-deadlock-2", second, first, bothHeld);
		DeadlockedThreadsSource source = new DeadlockedThreadsSource(ManagementFactory.getThreadMXBean());
		long deadline = System.nanoTime() + 10_000_000_000L;
		DeadlockedThreads deadlocked = source.read();
		while (deadlocked.count() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(10);
			deadlocked = source.read();
		}
		System.out.print(DeadlocksFormatter.format(deadlocked).text());
		System.exit(deadlocked.count() == 2 ? 0 : 1);
	}

	private static void synchronizedInOrder(String name, Object outer, Object inner, CountDownLatch bothHeld) {
		Thread.ofPlatform().name(name).daemon(true).start(() -> {
			synchronized (outer) {
				bothHeld.countDown();
				try {
					bothHeld.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				synchronized (inner) {
					System.out.println("not deadlocked");
				}
			}
		});
	}

}
