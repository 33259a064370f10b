package dev.runtimemonitor.service.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class DeadlockTests {

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Deadlock deadlock = new Deadlock();

	@AfterEach
	void end() throws InterruptedException {
		this.deadlock.close();
		assertThat(deadlockedNames()).isEmpty();
	}

	@Test
	void deadlocksTwoThreadsAsTheJvmSeesIt() {
		List<String> names = this.deadlock.start();
		assertThat(names).containsExactly("demo-deadlock-1", "demo-deadlock-2");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deadlockedNames()).containsExactlyInAnyOrderElementsOf(names));
	}

	@Test
	void refusesASecondDeadlock() {
		this.deadlock.start();
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(this.deadlock::start)
			.withMessage("Already deadlocked: [demo-deadlock-1, demo-deadlock-2]; only a restart ends it")
			.matches(DemoRefusedException::isConflict);
	}

	private List<String> deadlockedNames() {
		long[] ids = this.threads.findDeadlockedThreads();
		if (ids == null) {
			return List.of();
		}
		return Arrays.stream(this.threads.getThreadInfo(ids)).map(ThreadInfo::getThreadName).toList();
	}

}
