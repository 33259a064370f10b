package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;

import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CaptureRateLimitTests {

	private final MockClock clock = new MockClock();

	private final CaptureRateLimit limit = new CaptureRateLimit(Duration.ofMinutes(10), this.clock);

	@Test
	void allowsTheFirstCapture() {
		assertThat(this.limit.remaining()).isZero();
		assertThat(this.limit.tryAcquire()).isTrue();
	}

	@Test
	void refusesAnotherCaptureWithinTheInterval() {
		this.limit.tryAcquire();
		this.clock.add(Duration.ofMinutes(9).plusSeconds(59));
		assertThat(this.limit.tryAcquire()).isFalse();
		assertThat(this.limit.remaining()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void allowsACaptureOnceTheIntervalHasPassed() {
		this.limit.tryAcquire();
		this.clock.add(Duration.ofMinutes(10));
		assertThat(this.limit.remaining()).isZero();
		assertThat(this.limit.tryAcquire()).isTrue();
		assertThat(this.limit.tryAcquire()).isFalse();
	}

	@Test
	void refusedAttemptsDoNotPushTheNextCaptureBack() {
		this.limit.tryAcquire();
		for (int minute = 1; minute < 10; minute++) {
			this.clock.add(Duration.ofMinutes(1));
			assertThat(this.limit.tryAcquire()).isFalse();
		}
		this.clock.add(Duration.ofMinutes(1));
		assertThat(this.limit.tryAcquire()).isTrue();
	}

	@Test
	void aZeroIntervalAllowsEveryCapture() {
		CaptureRateLimit unlimited = new CaptureRateLimit(Duration.ZERO, this.clock);
		assertThat(unlimited.tryAcquire()).isTrue();
		assertThat(unlimited.tryAcquire()).isTrue();
	}

	@Test
	void refusesANegativeInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CaptureRateLimit(Duration.ofSeconds(-1), this.clock))
			.withMessage("'minInterval' must not be negative");
	}

}
