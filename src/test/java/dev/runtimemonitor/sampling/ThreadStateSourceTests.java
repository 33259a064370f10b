package dev.runtimemonitor.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ThreadStateSourceTests {

	private final ThreadGroup group = new ThreadGroup("thread-state-tests");

	private final List<Thread> started = new ArrayList<>();

	private final Object monitor = new Object();

	private volatile boolean released;

	@AfterEach
	void release() throws InterruptedException {
		this.released = true;
		for (Thread thread : this.started) {
			LockSupport.unpark(thread);
			thread.interrupt();
		}
		for (Thread thread : this.started) {
			thread.join(10_000);
		}
	}

	@Test
	void countsTheThreadsOfEachState() throws InterruptedException {
		startAll(3, this::park);
		startAll(2, this::sleep);
		startAll(1, this::spin);
		synchronized (this.monitor) {
			startAll(1, this::enterMonitor);
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> new ThreadStateSource(this.group).read(), (states) -> states.waiting() == 3
						&& states.timedWaiting() == 2 && states.runnable() == 1 && states.blocked() == 1);
		}
		ThreadStates states = new ThreadStateSource(this.group).read();
		assertThat(states.unstarted()).isZero();
		assertThat(states.terminated()).isZero();
		assertThat(states.count(Thread.State.WAITING)).isEqualTo(3);
		assertThat(states.count(Thread.State.TIMED_WAITING)).isEqualTo(2);
	}

	@Test
	void countsMoreThreadsThanItsArrayFirstHolds() {
		startAll(1000, this::park);
		ThreadStateSource source = new ThreadStateSource(this.group);
		await().atMost(30, TimeUnit.SECONDS).until(() -> source.read().waiting() == 1000);
		assertThat(source.read()).isEqualTo(new ThreadStates(0, 0, 0, 1000, 0, 0));
	}

	@Test
	void unchangedCountsAreTheSameFigures() {
		startAll(4, this::park);
		ThreadStateSource source = new ThreadStateSource(this.group);
		await().atMost(10, TimeUnit.SECONDS).until(() -> source.read().waiting() == 4);
		assertThat(source.read()).isSameAs(source.read());
	}

	@Test
	void endedThreadsAreNoLongerCounted() throws InterruptedException {
		startAll(5, this::park);
		ThreadStateSource source = new ThreadStateSource(this.group);
		await().atMost(10, TimeUnit.SECONDS).until(() -> source.read().waiting() == 5);
		release();
		assertThat(source.read()).isEqualTo(new ThreadStates(0, 0, 0, 0, 0, 0));
	}

	@Test
	void countsTheThreadsThreadMXBeanCountsInTheStatesItReports() {
		startAll(50, this::park);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ThreadStateSource source = ThreadStateSource.allThreads();
		// Other threads of the test JVM may change state between the two reads: the
		// same figures at least once in a few tries is the proof.
		await().atMost(10, TimeUnit.SECONDS).until(() -> {
			ThreadStates fromThreadInfo = fromThreadInfo(threads);
			return source.read().equals(fromThreadInfo) && fromThreadInfo.waiting() >= 50;
		});
	}

	private static ThreadStates fromThreadInfo(ThreadMXBean threads) {
		int[] counts = new int[ThreadStates.STATES.length];
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
			if (info != null) {
				counts[info.getThreadState().ordinal()]++;
			}
		}
		return ThreadStates.of(counts);
	}

	private void startAll(int count, Runnable task) {
		for (int i = 0; i < count; i++) {
			Thread thread = Thread.ofPlatform().group(this.group).daemon().name("state-" + i).start(task);
			this.started.add(thread);
		}
	}

	private void park() {
		while (!this.released) {
			LockSupport.park(this);
		}
	}

	private void sleep() {
		try {
			while (!this.released) {
				Thread.sleep(60_000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void spin() {
		while (!this.released) {
			Thread.onSpinWait();
		}
	}

	private void enterMonitor() {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

}
