package dev.runtimemonitor.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RingTests {

	private static Ring<Integer> ringOf(int capacity, int count) {
		Ring<Integer> ring = new Ring<>(capacity);
		for (int i = 0; i < count; i++) {
			ring.add(i);
		}
		return ring;
	}

	@Test
	void keepsTheNewestElementsOldestFirst() {
		assertThat(ringOf(3, 5).toList()).containsExactly(2, 3, 4);
		assertThat(ringOf(3, 2).toList()).containsExactly(0, 1);
	}

	@Test
	void findsTheOldestElementThatMatches() {
		Ring<Integer> ring = ringOf(10, 10);
		assertThat(ring.oldest((element) -> element >= 3)).isEqualTo(3);
		assertThat(ring.oldest((element) -> element >= 0)).isZero();
		assertThat(ring.oldest((element) -> element > 9)).isNull();
	}

	@Test
	void givesTheNewestElementsWhileTheyMatchOldestFirst() {
		Ring<Integer> ring = ringOf(4, 10);
		assertThat(ring.newestWhile((element) -> element > 7)).containsExactly(8, 9);
		assertThat(ring.newestWhile((element) -> element > 100)).isEmpty();
		assertThat(ring.newestWhile((element) -> true)).containsExactly(6, 7, 8, 9);
	}

	@Test
	void rejectsAnEmptyCapacity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Ring<>(0));
	}

}
