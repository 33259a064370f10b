package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadNameGroupsSourceTests {

	@Test
	void groupsTheLiveThreadsOfThisJvm() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			workers.add(Thread.ofPlatform().name("evidence-worker-" + i).daemon(true).start(() -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		try {
			ThreadNameGroups groups = new ThreadNameGroupsSource(ManagementFactory.getThreadMXBean()).read();
			assertThat(groups.groups()).contains(new ThreadNameGroup("evidence-worker-*", 30));
			assertThat(groups.threads()).isGreaterThanOrEqualTo(31);
		}
		finally {
			release.countDown();
			for (Thread worker : workers) {
				worker.join(5000);
			}
		}
	}

}
