package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

/**
 * Deadlocks two threads on monitors, which nothing can undo, captures the deadlock and
 * prints it; run in a JVM of its own by {@link DeadlockEvidenceSourceTests}.
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
		DeadlockEvidenceSource source = new DeadlockEvidenceSource(ManagementFactory.getThreadMXBean());
		long deadline = System.nanoTime() + 10_000_000_000L;
		DeadlockEvidence evidence = source.capture();
		while (evidence.deadlockedThreads() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(10);
			evidence = source.capture();
		}
		System.out.print(evidence.text());
		System.exit(evidence.deadlockedThreads() == 2 ? 0 : 1);
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
