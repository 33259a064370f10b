package dev.runtimemonitor.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSetPointsTests {

	private static final long MINUTE = 60_000;

	/** A whole minute of the clock, so that the minutes of these tests are plain. */
	private static final long T0 = 29_000_000 * MINUTE;

	@Test
	void keepsOnePointAMinuteTheLowest() {
		LiveSetPoints points = LiveSetPoints.NONE.plus(T0 + 1_000, 150, 0, MINUTE, 32)
			.plus(T0 + 6_000, 120, 0, MINUTE, 32)
			.plus(T0 + 11_000, 130, 0, MINUTE, 32)
			.plus(T0 + 16_000, 100, 0, MINUTE, 32)
			.plus(T0 + 59_000, 110, 0, MINUTE, 32);
		assertThat(points.epochMillis()).containsExactly(T0 + 16_000);
		assertThat(points.bytes()).containsExactly(100);
	}

	@Test
	void aPointInTheNextMinuteIsKeptEvenWhenHigher() {
		LiveSetPoints points = LiveSetPoints.NONE.plus(T0 + 59_000, 100, 0, MINUTE, 32)
			.plus(T0 + 61_000, 105, 0, MINUTE, 32);
		assertThat(points.epochMillis()).containsExactly(T0 + 59_000, T0 + 61_000);
		assertThat(points.bytes()).containsExactly(100, 105);
	}

	@Test
	void aPointAfterAHeapInspectionIsKeptWithinTheSameMinute() {
		LiveSetPoints points = LiveSetPoints.NONE.plus(T0 + 1_000, 100, 0, MINUTE, 32)
			.plus(T0 + 50_000, 90, 2, MINUTE, 32);
		assertThat(points.bytes()).containsExactly(100, 90);
		assertThat(points.inspectionsBefore()).containsExactly(0, 2);
	}

	@Test
	void keepsTheNewestWithinTheCapacity() {
		LiveSetPoints points = LiveSetPoints.NONE;
		for (int minute = 0; minute < 5; minute++) {
			points = points.plus(T0 + minute * MINUTE, 100 + minute, 0, MINUTE, 3);
		}
		assertThat(points.bytes()).containsExactly(102, 103, 104);
	}

	/**
	 * What G1 near its marking threshold does: the old generation drops every few
	 * seconds, a little higher each cycle on a leak. The points still span the half hour
	 * the trend reads, where a point at each drop would span under three minutes and
	 * leave the trend unknown for good.
	 */
	@Test
	void pointsAtEveryFewSecondsStillSpanHalfAnHour() {
		LiveSetPoints points = LiveSetPoints.NONE;
		long every = 5_000;
		for (long at = 0; at <= 40 * MINUTE; at += every) {
			long leak = 100 * at / 1000;
			long leftOver = (at / every % 6) * 1_000_000;
			points = points.plus(T0 + at, 50_000_000 + leak + leftOver, 0, MemorySource.LIVE_SET_SPACING_MILLIS,
					MemorySource.LIVE_SET_CAPACITY);
		}
		long span = points.epochMillis()[points.size() - 1] - points.epochMillis()[0];
		assertThat(points.size()).isEqualTo(MemorySource.LIVE_SET_CAPACITY);
		assertThat(span).isGreaterThanOrEqualTo(30 * MINUTE);
		for (int i = 0; i < points.size(); i++) {
			assertThat(points.bytes()[i]).as("point %d, the lowest of its minute", i)
				.isEqualTo(50_000_000 + 100 * (points.epochMillis()[i] - T0) / 1000);
		}
	}

}
