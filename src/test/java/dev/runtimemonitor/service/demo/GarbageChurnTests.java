package dev.runtimemonitor.service.demo;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class GarbageChurnTests {

	private final GarbageChurn churn = new GarbageChurn(Duration.ofSeconds(30));

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
		long allocated = this.churn.allocatedMegabytes();
		assertThat(this.churn.allocatedMegabytes()).isEqualTo(allocated);
		assertThat(this.churn.stop()).isFalse();
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
