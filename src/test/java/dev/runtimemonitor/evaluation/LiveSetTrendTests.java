package dev.runtimemonitor.evaluation;

import java.util.function.LongUnaryOperator;

import dev.runtimemonitor.sampling.LiveSetPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
		return points(minutes, bytesAtMinute, (minute) -> 0);
	}

	/**
	 * Points every two minutes for the last {@code minutes}, the last one now, each with
	 * the count of heap inspections before it.
	 */
	private static LiveSetPoints points(int minutes, LongUnaryOperator bytesAtMinute,
			LongUnaryOperator inspectionsBeforeMinute) {
		int count = minutes / 2 + 1;
		long[] times = new long[count];
		long[] bytes = new long[count];
		long[] inspectionsBefore = new long[count];
		for (int i = 0; i < count; i++) {
			long minute = 2L * i;
			times[i] = NOW - (minutes - minute) * MINUTE;
			bytes[i] = bytesAtMinute.applyAsLong(minute);
			inspectionsBefore[i] = inspectionsBeforeMinute.applyAsLong(minute);
		}
		return new LiveSetPoints(times, bytes, inspectionsBefore);
	}

	@Test
	void aLeakGrowsAtItsRate() {
		// 3 MiB a minute on top of 100 MiB, each point a megabyte off the line.
		LiveSetPoints leak = points(30, (minute) -> 100 * MIB + minute * 3 * MIB + ((minute % 4 == 0) ? MIB : -MIB));
		assertThat(LiveSetTrend.bytesPerSecond(leak, NOW)).isCloseTo(3.0 * MIB / 60, withinPercentage(10));
		LiveSetPoints exact = points(30, (minute) -> 100 * MIB + minute * 3 * MIB);
		assertThat(LiveSetTrend.bytesPerSecond(exact, NOW)).isCloseTo(3.0 * MIB / 60, within(1.0));
	}

	/**
	 * What a class histogram does to G1's floor: its full collection takes the 6 MiB of
	 * garbage that the mixed collections before it left, and the points after it stand
	 * that much lower on the same leak. As one line, the step reads as the leak slowing
	 * down; as a line on each side of the histogram it reads as nothing.
	 */
	@Test
	void aHeapInspectionLowersTheFloorButNotTheGrowth() {
		LiveSetPoints beforeAndAfter = points(30, (minute) -> 100 * MIB + minute * MIB + ((minute <= 22) ? 6 * MIB : 0),
				(minute) -> (minute <= 22) ? 0 : 2);
		assertThat(LiveSetTrend.bytesPerSecond(beforeAndAfter, NOW)).isCloseTo(MIB / 60.0, within(1.0));
		LiveSetPoints asOneGroup = new LiveSetPoints(beforeAndAfter.epochMillis(), beforeAndAfter.bytes());
		assertThat(LiveSetTrend.bytesPerSecond(asOneGroup, NOW)).isLessThan(0.7 * MIB / 60);
	}

	@Test
	void aHeapInspectionAfterEachPointLeavesTheGrowthUnknown() {
		LiveSetPoints eachAlone = points(30, (minute) -> 100 * MIB + minute * 3 * MIB, (minute) -> minute);
		assertThat(LiveSetTrend.bytesPerSecond(eachAlone, NOW)).isNaN();
	}

	/**
	 * HeapGrowthIT's service without a leak, in MiB, a point a minute: a live set that
	 * settles within the first minute of load, then G1's floor wandering by a MiB or two.
	 * The last four points alone rise 2 MiB in three minutes, 11 KiB/s, and the whole
	 * half hour rises with the first minute's climb: taken together, the warm-up would
	 * read as a leak that fills the 256 MiB heap in under six hours, the default warning.
	 */
	@Test
	void aWarmUpAndAWanderingFloorAreNotALeak() {
		double[] mebibytes = { 23.6, 39.0, 39.5, 40.0, 37.5, 41.0, 41.0, 41.5, 40.0, 40.0, 40.0, 40.5, 42.0 };
		long[] times = new long[mebibytes.length];
		long[] bytes = new long[mebibytes.length];
		for (int i = 0; i < mebibytes.length; i++) {
			times[i] = NOW - (mebibytes.length - 1 - i) * MINUTE;
			bytes[i] = (long) (mebibytes[i] * MIB);
		}
		double growth = LiveSetTrend.bytesPerSecond(new LiveSetPoints(times, bytes), NOW);
		double secondsUntilFull = (256 - 42) * MIB / growth;
		assertThat(secondsUntilFull).isGreaterThan(2 * 6 * 3600.0);
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
	void unknownUntilThePointsSpanFifteenMinutes() {
		assertThat(LiveSetTrend.bytesPerSecond(LiveSetPoints.NONE, NOW)).isNaN();
		assertThat(LiveSetTrend.bytesPerSecond(points(14, (minute) -> minute * MIB), NOW)).isNaN();
		assertThat(LiveSetTrend.bytesPerSecond(points(16, (minute) -> minute * MIB), NOW)).isCloseTo(MIB / 60.0,
				within(1.0));
	}

	/**
	 * The boundary itself: points spanning exactly fifteen minutes tell the growth, a
	 * millisecond less do not.
	 */
	@ParameterizedTest(name = "{0} ms from fifteen minutes: known {1}")
	@CsvSource({ "0, true", "-1, false", "1, true" })
	void knownFromPointsSpanningExactlyFifteenMinutes(long offsetMillis, boolean known) {
		long span = 15 * MINUTE + offsetMillis;
		assertThat(LiveSetTrend.MINIMUM_SPAN_MILLIS).isEqualTo(15 * MINUTE);
		LiveSetPoints points = new LiveSetPoints(new long[] { NOW - span, NOW - span / 2, NOW },
				new long[] { 100 * MIB, 101 * MIB, 102 * MIB });
		double growth = LiveSetTrend.bytesPerSecond(points, NOW);
		assertThat(Double.isNaN(growth)).as("unknown").isEqualTo(!known);
	}

	/**
	 * The other end: a point exactly half an hour old is still read, a millisecond older
	 * it is not, and the rest span too little.
	 */
	@ParameterizedTest(name = "the oldest point {0} ms from half an hour old: known {1}")
	@CsvSource({ "0, true", "-1, false" })
	void readsPointsUpToExactlyHalfAnHourOld(long offsetMillis, boolean known) {
		LiveSetPoints points = new LiveSetPoints(new long[] { NOW - 30 * MINUTE + offsetMillis, NOW - 5 * MINUTE, NOW },
				new long[] { 100 * MIB, 101 * MIB, 102 * MIB });
		assertThat(Double.isNaN(LiveSetTrend.bytesPerSecond(points, NOW))).as("unknown").isEqualTo(!known);
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
