package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.runtimemonitor.service.demo.Deadlock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlockedThreadsSourceTests {

	private final DeadlockedThreadsSource source = new DeadlockedThreadsSource(ManagementFactory.getThreadMXBean());

	@Test
	void findsNothingInAHealthyJvm() {
		assertThat(this.source.read()).isSameAs(DeadlockedThreads.NONE);
	}

	@Test
	void readsBothThreadsOfALockDeadlockWithTheirStacksAndEachOtherAsOwner() throws InterruptedException {
		try (Deadlock deadlock = new Deadlock()) {
			deadlock.start();
			DeadlockedThreads deadlocked = awaitDeadlock(2);
			assertThat(deadlocked.threads()).extracting(DeadlockedThread::name)
				.containsExactlyInAnyOrder("demo-deadlock-1", "demo-deadlock-2");
			DeadlockedThread one = deadlocked.threads().get(0);
			DeadlockedThread two = deadlocked.threads().get(1);
			assertThat(one.lockOwnerName()).isEqualTo(two.name());
			assertThat(one.lockOwnerId()).isEqualTo(two.id());
			assertThat(two.lockOwnerName()).isEqualTo(one.name());
			assertThat(two.lockOwnerId()).isEqualTo(one.id());
			for (DeadlockedThread thread : deadlocked.threads()) {
				assertThat(thread.state()).isEqualTo(Thread.State.WAITING);
				assertThat(thread.waitingFor()).isNotNull();
				assertThat(thread.waitingFor().className()).endsWith("ReentrantLock$NonfairSync");
				assertThat(thread.lockedSynchronizers()).hasSize(1);
				assertThat(thread.stack()).isNotEmpty().hasSizeLessThanOrEqualTo(32);
				assertThat(thread.stack().get(0).location()).contains("Unsafe.park");
				assertThat(thread.stack()).anySatisfy((frame) -> assertThat(frame.location())
					.contains("dev.runtimemonitor.service.demo.Deadlock.lambda$lockInOrder"));
			}
			assertThat(one.waitingFor()).isEqualTo(two.lockedSynchronizers().get(0));
			assertThat(two.waitingFor()).isEqualTo(one.lockedSynchronizers().get(0));
		}
	}

	private DeadlockedThreads awaitDeadlock(int threads) {
		AtomicReference<DeadlockedThreads> deadlocked = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			deadlocked.set(this.source.read());
			return deadlocked.get().count() >= threads;
		});
		return deadlocked.get();
	}

}
