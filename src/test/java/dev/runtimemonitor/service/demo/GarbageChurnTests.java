package dev.runtimemonitor.service.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class GarbageChurnTests {

	private final List<Thread> started = new CopyOnWriteArrayList<>();

	private final GarbageChurn churn = new GarbageChurn(Duration.ofSeconds(30), Duration.ofSeconds(10),
			(task) -> record(Thread.ofPlatform().daemon(true).unstarted(task)));

	private Thread record(Thread thread) {
		this.started.add(thread);
		return thread;
	}

	@AfterEach
	void stop() {
		this.churn.close();
	}

	@Test
	void allocatesUntilStopped() {
		this.churn.start(20, 30);
		assertThat(this.churn.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.churn.allocatedMegabytes() >= 2);
		assertThat(this.churn.stop()).isTrue();
		assertThat(this.churn.isRunning()).isFalse();
		// The figure is final: the only thread that adds to it has ended.
		assertThat(this.started).singleElement().satisfies((thread) -> assertThat(thread.isAlive()).isFalse());
		assertThat(this.churn.allocatedMegabytes()).isGreaterThanOrEqualTo(2);
		assertThat(this.churn.stop()).isFalse();
	}

	@Test
	void aChurnWhoseThreadOutlastsTheStopTimeoutIsNotStoppedAndStillRuns() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		// A churn thread that lingers after the churn until the test releases it, as a
		// thread the machine does not run in time would.
		GarbageChurn churn = new GarbageChurn(Duration.ofSeconds(30), Duration.ofMillis(100),
				(task) -> record(Thread.ofPlatform().daemon(true).unstarted(() -> {
					task.run();
					awaitQuietly(release);
				})));
		try {
			churn.start(1, 30);
			assertThat(churn.stop()).isFalse();
			assertThat(churn.isRunning()).isTrue();
			assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> churn.start(1, 1))
				.matches(DemoRefusedException::isConflict);
			release.countDown();
			await().atMost(Duration.ofSeconds(10)).until(() -> !churn.isRunning());
			assertThat(this.started).singleElement().satisfies((thread) -> assertThat(thread.isAlive()).isFalse());
			assertThat(churn.stop()).isFalse();
		}
		finally {
			release.countDown();
			churn.close();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void endsByItselfAfterItsTime() {
		this.churn.start(1, 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.churn.isRunning());
	}

	@Test
	void runsOneChurnAtATime() {
		this.churn.start(1, 30);
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.churn.start(1, 1))
			.withMessage("A churn is already running; DELETE /demo/garbage stops it")
			.matches(DemoRefusedException::isConflict);
	}

	@Test
	void refusesARateOrTimeOutOfBounds() {
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.churn.start(0, 1))
			.withMessage("'megabytesPerSecond' must be between 1 and 10000");
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.churn.start(10_001, 1));
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.churn.start(1, 0))
			.withMessage("'seconds' must be between 1 and 30 (demo.garbage.max-duration=PT30S)");
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.churn.start(1, 31));
		assertThat(this.churn.isRunning()).isFalse();
	}

}
