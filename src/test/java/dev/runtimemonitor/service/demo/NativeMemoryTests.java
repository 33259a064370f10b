package dev.runtimemonitor.service.demo;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class NativeMemoryTests {

	private final AtomicInteger collections = new AtomicInteger();

	private final AtomicInteger trims = new AtomicInteger();

	private final NativeMemory memory = new NativeMemory(64, this.collections::incrementAndGet, () -> 0,
			() -> this.trims.incrementAndGet() > 0);

	@AfterEach
	void release() {
		this.memory.close();
	}

	@Test
	void growsAtOnceAndReleasesRequestingACollectionAndATrim() {
		assertThat(this.memory.grow(3, 0)).isEqualTo(3);
		assertThat(this.memory.grow(2, 0)).isEqualTo(5);
		assertThat(this.memory.failure()).isNull();
		assertThat(this.memory.release()).isEqualTo(new NativeMemory.Released(5, true));
		assertThat(this.memory.heldMegabytes()).isZero();
		assertThat(this.collections).hasValue(1);
		assertThat(this.trims).hasValue(1);
	}

	@Test
	void givesTheMemoryBackToTheOperatingSystemOnRelease() {
		try (NativeMemory real = new NativeMemory(64)) {
			real.grow(32, 0);
			long held = directBufferBytes();
			NativeMemory.Released released = real.release();
			assertThat(released.megabytes()).isEqualTo(32);
			assertThat(directBufferBytes()).isLessThanOrEqualTo(held - 32L * 1024 * 1024);
		}
	}

	private static long directBufferBytes() {
		return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.mapToLong(BufferPoolMXBean::getMemoryUsed)
			.sum();
	}

	@Test
	void growsAtItsRateOnItsOwnThreadOneGrowthAtATime() {
		assertThat(this.memory.grow(4, 1000)).isLessThanOrEqualTo(4);
		await().atMost(Duration.ofSeconds(10)).until(this.memory::heldMegabytes, (held) -> held == 4);
		this.memory.grow(50, 1);
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.memory.grow(1, 0))
			.withMessageContaining("already growing")
			.matches(DemoRefusedException::isConflict);
		int released = this.memory.release().megabytes();
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
