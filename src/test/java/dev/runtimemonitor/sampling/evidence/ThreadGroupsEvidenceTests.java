package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadGroupsEvidenceTests {

	@Test
	void showsTheLargestGroupsAndWhatGrew() {
		List<String> then = new ArrayList<>(List.of("main"));
		List<String> now = new ArrayList<>(List.of("main"));
		for (int i = 1; i <= 200; i++) {
			now.add("http-nio-8080-exec-" + i);
			then.add("http-nio-8080-exec-" + i);
		}
		for (int i = 1; i <= 4980; i++) {
			now.add("pool-7-thread-" + i);
			if (i <= 12) {
				then.add("pool-7-thread-" + i);
			}
		}
		ThreadGroupsEvidence evidence = ThreadGroupsEvidence.of(ThreadNameGroups.of(now), ThreadNameGroups.of(then), 2);
		assertThat(evidence.top()).containsExactly(new ThreadNameGroup("pool-7-thread-*", 4980),
				new ThreadNameGroup("http-nio-8080-exec-*", 200));
		assertThat(evidence.text()).isEqualTo("""
				5,181 live threads in 3 groups; the largest:
				      4,980  pool-7-thread-*
				        200  http-nio-8080-exec-*
				Grown since the check was last ok:
				     +4,968  pool-7-thread-*  (12 then, 4,980 now)
				""");
	}

	@Test
	void saysWhenTheGrowthIsALowerBound() {
		ThreadNameGroups then = ThreadNameGroups.of(List.of("pool-7-thread-1", "pool-8-thread-1"));
		List<String> now = new ArrayList<>(List.of("pool-8-thread-1"));
		for (int i = 1; i <= 300; i++) {
			now.add("pool-7-thread-" + i);
		}
		assertThat(ThreadGroupsEvidence.of(ThreadNameGroups.of(now), then, 5).text())
			.contains("      ≥+298  pool-7-thread-*  (at most 2 then, 300 now)");
	}

	@Test
	void withoutAnEarlierGroupingShowsOnlyTheGroups() {
		ThreadGroupsEvidence evidence = ThreadGroupsEvidence.of(ThreadNameGroups.of(List.of("main")), null, 5);
		assertThat(evidence.grew()).isEmpty();
		assertThat(evidence.text()).isEqualTo("1 live threads in 1 groups; the largest:\n          1  main\n");
	}

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
			ThreadNameGroups groups = new ThreadNameGroupsSource(ManagementFactory.getThreadMXBean()).capture();
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
