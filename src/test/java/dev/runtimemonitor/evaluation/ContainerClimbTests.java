package dev.runtimemonitor.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerClimbTests {

	/** Samples five seconds apart. */
	private static final double INTERVAL_SECONDS = 5;

	/**
	 * The climb after samples of the container's memory taken five seconds apart, the
	 * first with nothing before it.
	 */
	private static ContainerClimb climb(double... usedBytes) {
		ContainerClimb climb = ContainerClimb.NONE.next(usedBytes[0], Double.NaN);
		for (int i = 1; i < usedBytes.length; i++) {
			climb = climb.next(usedBytes[i], INTERVAL_SECONDS);
		}
		return climb;
	}

	@Test
	void aClimbCountsOnceItRoseThriceInARowAtTheSlowerOfTheLastTwoRises() {
		ContainerClimb once = climb(100_000, 110_000);
		assertThat(once.risingSamples()).isOne();
		assertThat(once.stepBytesPerSecond()).isEqualTo(2_000);
		assertThat(once.growthBytesPerSecond()).isNaN();
		assertThat(climb(100_000, 110_000, 160_000).growthBytesPerSecond()).isNaN();
		ContainerClimb thrice = climb(100_000, 110_000, 160_000, 180_000);
		assertThat(thrice.risingSamples()).isEqualTo(ContainerClimb.STEADY_RISES);
		assertThat(thrice.growthBytesPerSecond()).isEqualTo(4_000);
		ContainerClimb fourTimes = thrice.next(230_000, INTERVAL_SECONDS);
		assertThat(fourTimes.risingSamples()).isEqualTo(4);
		assertThat(fourTimes.stepBytesPerSecond()).isEqualTo(10_000);
		assertThat(fourTimes.growthBytesPerSecond()).isEqualTo(4_000);
		ContainerClimb fell = fourTimes.next(220_000, INTERVAL_SECONDS);
		assertThat(fell).isEqualTo(new ContainerClimb(220_000, 0, Double.NaN, Double.NaN));
	}

	@Test
	void aBurstAllocatedAcrossTwoSamplesIsNotAClimb() {
		ContainerClimb after = climb(100_000, 100_000, 250_000, 300_000);
		assertThat(after.risingSamples()).isEqualTo(2);
		assertThat(after.growthBytesPerSecond()).isNaN();
		assertThat(after.next(300_000, INTERVAL_SECONDS).risingSamples()).as("held").isZero();
	}

	@Test
	void aBurstAfterACreepCountsAtTheCreepingRate() {
		assertThat(climb(100_000, 100_100, 100_200, 300_000).growthBytesPerSecond()).isEqualTo(20);
	}

	@Test
	void aFirstSampleOrOneNoTimeAfterTheLastIsNoRise() {
		assertThat(ContainerClimb.NONE.next(100_000, Double.NaN))
			.isEqualTo(new ContainerClimb(100_000, 0, Double.NaN, Double.NaN));
		assertThat(climb(100_000, 110_000).next(120_000, 0).risingSamples()).isZero();
	}

	@Test
	void anUnknownContainerMemoryEndsTheClimbAndIsNoClimbAtAll() {
		assertThat(climb(100_000, 110_000, 160_000, 180_000).next(Double.NaN, INTERVAL_SECONDS))
			.isSameAs(ContainerClimb.NONE);
		assertThat(climb(100_000, 110_000, 160_000, 180_000).next(Double.NaN, INTERVAL_SECONDS)
			.next(200_000, INTERVAL_SECONDS)
			.risingSamples()).as("a rise from an unknown is none").isZero();
	}

}
