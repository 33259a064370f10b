package dev.runtimemonitor.evaluation;

import java.util.function.LongUnaryOperator;

import dev.runtimemonitor.sampling.LiveSetPoints;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class LiveSetTrendTests {

	private static final long MIB = 1024 * 1024;

	private static final long MINUTE = 60_000;

	private static final long NOW = 1_800_000_000_000L;

	/**
	 * Points every two minutes for the last {@code minutes}, the last one now.
	 */
	private static LiveSetPoints points(int minutes, LongUnaryOperator bytesAtMinute) {
		int count = minutes / 2 + 1;
		long[] times = new long[count];
		long[] bytes = new long[count];
		for (int i = 0; i < count; i++) {
			long minute = 2L * i;
			times[i] = NOW - (minutes - minute) * MINUTE;
			bytes[i] = bytesAtMinute.applyAsLong(minute);
		}
		return new LiveSetPoints(times, bytes);
	}

	@Test
	void aLeakGrowsAtItsRate() {
		// 3 MiB a minute on top of 100 MiB, each point a megabyte off the line, which the
		// slope of the last four points feels most.
		LiveSetPoints leak = points(30, (minute) -> 100 * MIB + minute * 3 * MIB + ((minute % 4 == 0) ? MIB : -MIB));
		assertThat(LiveSetTrend.bytesPerSecond(leak, NOW)).isCloseTo(3.0 * MIB / 60, withinPercentage(10));
		LiveSetPoints exact = points(30, (minute) -> 100 * MIB + minute * 3 * MIB);
		assertThat(LiveSetTrend.bytesPerSecond(exact, NOW)).isCloseTo(3.0 * MIB / 60, within(1.0));
	}

	@Test
	void aHeapCollectedBackToTheSameLiveSetDoesNotGrow() {
		LiveSetPoints sawtooth = points(30, (minute) -> 200 * MIB + ((minute % 4 == 0) ? 2 * MIB : -2 * MIB));
		assertThat(LiveSetTrend.bytesPerSecond(sawtooth, NOW)).isLessThan(1024.0);
	}

	@Test
	void aWarmUpThatLevelsOffStopsGrowingOnceItHas() {
		// Caches fill for ten minutes, then the live set holds.
		LiveSetPoints warmUp = points(30, (minute) -> 50 * MIB + Math.min(minute, 10) * 20 * MIB);
		assertThat(LiveSetTrend.bytesPerSecond(warmUp, NOW)).isZero();
	}

	@Test
	void aLiveSetThatShrinksIsNotNegativeGrowth() {
		LiveSetPoints shrinking = points(30, (minute) -> 500 * MIB - minute * MIB);
		assertThat(LiveSetTrend.bytesPerSecond(shrinking, NOW)).isZero();
	}

	@Test
	void unknownUntilThePointsSpanTenMinutes() {
		assertThat(LiveSetTrend.bytesPerSecond(LiveSetPoints.NONE, NOW)).isNaN();
		assertThat(LiveSetTrend.bytesPerSecond(points(8, (minute) -> minute * MIB), NOW)).isNaN();
		assertThat(LiveSetTrend.bytesPerSecond(points(10, (minute) -> minute * MIB), NOW)).isCloseTo(MIB / 60.0,
				within(1.0));
	}

	@Test
	void unknownWithFewerThanThreePoints() {
		LiveSetPoints two = new LiveSetPoints(new long[] { NOW - 20 * MINUTE, NOW }, new long[] { MIB, 2 * MIB });
		assertThat(LiveSetTrend.bytesPerSecond(two, NOW)).isNaN();
	}

	@Test
	void pointsOlderThanHalfAnHourAreLeftOut() {
		// A leak an hour ago, long since fixed by a restart of the cache: flat since.
		LiveSetPoints points = points(60, (minute) -> (minute < 30) ? minute * 10 * MIB : 300 * MIB);
		assertThat(LiveSetTrend.bytesPerSecond(points, NOW)).isZero();
		assertThat(LiveSetTrend.bytesPerSecond(points, NOW + 31 * MINUTE)).isNaN();
	}

}
