package dev.runtimemonitor.service.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class NativeMemoryTests {

	private final AtomicInteger collections = new AtomicInteger();

	private final NativeMemory memory = new NativeMemory(64, this.collections::incrementAndGet);

	@AfterEach
	void release() {
		this.memory.close();
	}

	@Test
	void growsAtOnceAndReleasesRequestingACollection() {
		assertThat(this.memory.grow(3, 0)).isEqualTo(3);
		assertThat(this.memory.grow(2, 0)).isEqualTo(5);
		assertThat(this.memory.failure()).isNull();
		assertThat(this.memory.release()).isEqualTo(5);
		assertThat(this.memory.heldMegabytes()).isZero();
		assertThat(this.collections).hasValue(1);
	}

	@Test
	void growsAtItsRateOnItsOwnThreadOneGrowthAtATime() {
		assertThat(this.memory.grow(4, 1000)).isLessThanOrEqualTo(4);
		await().atMost(Duration.ofSeconds(10)).until(this.memory::heldMegabytes, (held) -> held == 4);
		this.memory.grow(50, 1);
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.memory.grow(1, 0))
			.withMessageContaining("already growing")
			.matches(DemoRefusedException::isConflict);
		int released = this.memory.release();
		assertThat(released).isBetween(4, 54);
		assertThat(this.memory.heldMegabytes()).isZero();
		assertThat(this.memory.grow(1, 0)).as("a stopped growth holds nothing more").isOne();
	}

	@Test
	void refusesWhatTheBoundOrTheRateDoesNotAllow() {
		this.memory.grow(60, 0);
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.memory.grow(5, 0))
			.withMessage("'megabytes' must be between 1 and 4 (demo.native-memory.max-megabytes=64; 60MB held)")
			.matches((ex) -> !ex.isConflict());
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.memory.grow(0, 0));
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.memory.grow(1, -1));
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.memory.grow(1, 1025));
		assertThat(this.memory.heldMegabytes()).isEqualTo(60);
	}

}
