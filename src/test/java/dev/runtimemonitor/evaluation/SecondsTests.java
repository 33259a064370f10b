package dev.runtimemonitor.evaluation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one conversion to the seconds that readings, checks and reports carry.
 */
class SecondsTests {

	@Test
	void aDurationKeepsItsNanosecondsAsTheFraction() {
		assertThat(Seconds.of(Duration.ofSeconds(15))).isEqualTo(15);
		assertThat(Seconds.of(Duration.ofMillis(1_500))).isEqualTo(1.5);
		assertThat(Seconds.of(Duration.ofNanos(250))).isEqualTo(2.5e-7);
	}

	@Test
	void nanosecondsAndMillisecondsAndBack() {
		assertThat(Seconds.ofNanos(7_000_000_000L)).isEqualTo(7);
		assertThat(Seconds.ofMillis(200)).isEqualTo(0.2);
		assertThat(Seconds.toNanos(0.2)).isEqualTo(200_000_000L);
		assertThat(Seconds.toNanos(15)).isEqualTo(15_000_000_000L);
	}

	@Test
	void anUnknownValueStaysUnknown() {
		assertThat(Seconds.ofNanos(Double.NaN)).isNaN();
		assertThat(Seconds.ofMillis(Double.NaN)).isNaN();
	}

}
