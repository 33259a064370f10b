package dev.runtimemonitor.service.demo;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RetainedHeapTests {

	private static final long MAX_HEAP = 100L * 1024 * 1024;

	private final AtomicInteger collections = new AtomicInteger();

	private final RetainedHeap heap = new RetainedHeap(0.5, () -> MAX_HEAP, this.collections::incrementAndGet);

	@Test
	void retainsAndReleasesRequestingACollectionEachTime() {
		assertThat(this.heap.retain(3)).isEqualTo(3);
		assertThat(this.heap.retain(2)).isEqualTo(5);
		assertThat(this.heap.retainedMegabytes()).isEqualTo(5);
		assertThat(this.collections).hasValue(2);
		assertThat(this.heap.release()).isEqualTo(5);
		assertThat(this.heap.retainedMegabytes()).isZero();
		assertThat(this.collections).hasValue(3);
	}

	@Test
	void boundIsTheShareOfTheMaximumHeap() {
		assertThat(this.heap.limitMegabytes()).isEqualTo(50);
		assertThat(this.heap.maxHeapMegabytes()).isEqualTo(100);
		this.heap.retain(30);
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.heap.retain(21))
			.withMessage("'megabytes' must be between 1 and 20 (at most 50MB, 50% of the maximum heap; 30MB retained)")
			.matches((ex) -> !ex.isConflict());
		assertThat(this.heap.retainedMegabytes()).isEqualTo(30);
		assertThat(this.heap.retain(20)).isEqualTo(50);
	}

	@Test
	void refusesAnAmountThatIsNotPositive() {
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.heap.retain(0));
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.heap.retain(-1));
		assertThat(this.collections).hasValue(0);
	}

}
