package dev.runtimemonitor.sampling;

import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import io.micrometer.core.instrument.MockClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The heap-growth check over time, from the collections to the level: what HeapGrowthIT
 * shows on two real G1 services in 18 minutes, here as series of collections on a
 * {@link MockClock}, each tick read by the {@link MemorySource} and judged by the
 * {@link Evaluator} with the IT's settings: a 256 MiB heap, critical at 5 minutes, the
 * default warning of 6 hours and sustain of 15 s.
 * <p>
 * The old generation behaves as G1's does under a steady churn: young collections promote
 * garbage into it at every tick, and every half minute mixed collections take it back, in
 * two steps a tick apart, down to the live set and what they leave, up to a couple of MiB
 * that differ from cycle to cycle. The class histogram the monitor takes when the check
 * rises collects the whole heap, down to the live set itself.
 */
class HeapGrowthTimelineTests {

	private static final long MIB = 1024 * 1024;

	private static final long HEAP = 256 * MIB;

	/** HeapGrowthIT's leak: 2 MiB every 20 s, 102.4 KiB/s. */
	private static final double LEAK_BYTES_PER_SECOND = 2.0 * MIB / 20;

	/**
	 * How far the growth read may be from the leak: what 2 MiB of wandering floor can
	 * tilt a line over fifteen minutes by, with room; HeapGrowthIT, on a real G1, allows
	 * 35 %.
	 */
	private static final double LEAK_TOLERANCE_PERCENT = 10;

	/** Near zero, as HeapGrowthIT holds the quiet service to: a tenth of the leak. */
	private static final double QUIET_GROWTH_LIMIT = LEAK_BYTES_PER_SECOND / 10;

	private static final Duration CRITICAL = Duration.ofMinutes(5);

	private static final Duration WARNING = Duration.ofHours(6);

	private static final Duration SUSTAIN = Duration.ofSeconds(15);

	private static final CheckPolicy HEAP_GROWTH = new CheckPolicy(Check.HEAP_GROWTH, WARNING.toSeconds(),
			CRITICAL.toSeconds(), SUSTAIN, Probe.NONE);

	/** Garbage the young collections promote, half a MiB a second: 15 MiB a cycle. */
	private static final long PROMOTED_BYTES_PER_SECOND = MIB / 2;

	private static final Duration MIXED_EVERY = Duration.ofSeconds(30);

	/** The most the mixed collections leave above the live set. */
	private static final long MOST_LEFT = 2 * MIB;

	/** How much time the points must span before the trend is known. */
	private static final Duration MINIMUM_SPAN = Readings.Heap.GROWTH_MINIMUM_SPAN;

	/** The newest half hour of points is what the trend reads. */
	private static final Duration TREND_SPAN = Duration.ofMinutes(30);

	/**
	 * A leak from a live set of 24 MiB: known after about sixteen minutes with some
	 * twenty minutes until full, as in HeapGrowthIT, it rises to warning, which takes the
	 * class histogram; read on past the histogram until the projection falls under the
	 * critical five minutes, about 34 minutes in. At HeapGrowthIT's interval and at the
	 * default.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 100, 5000 })
	void aLeakIsReadAtItsRateBeforeAndAfterTheClassHistogramAndRisesByTheThresholds(long intervalMillis) {
		Service service = new Service((elapsed) -> 24 * MIB + (long) (LEAK_BYTES_PER_SECOND * elapsed / 1000),
				HeapGrowthTimelineTests::sawtooth, 6 * MIB);
		List<Observation> run = new ArrayList<>();
		Duration histogramAt = null;
		while (run.isEmpty() || run.get(run.size() - 1).elapsed().compareTo(Duration.ofMinutes(35)) < 0) {
			Observation observation = service.tick(Duration.ofMillis(intervalMillis));
			run.add(observation);
			if (histogramAt == null && observation.result().level() == Level.WARNING) {
				service.classHistogram();
				histogramAt = observation.elapsed();
			}
		}
		assertKnownOnlyOnceThePointsSpanTheMinimum(run);
		assertThat(histogramAt).as("the class histogram, taken when the check rose to warning").isNotNull();
		List<Observation> known = run.stream().filter(Observation::known).toList();
		Duration histogram = histogramAt;
		assertThat(known).filteredOn((observation) -> observation.elapsed().compareTo(histogram) <= 0)
			.as("known before the histogram")
			.isNotEmpty();
		assertThat(known).filteredOn((observation) -> observation.elapsed().compareTo(histogram) > 0)
			.as("known after the histogram")
			.hasSizeGreaterThan(run.size() / 10);
		for (Observation observation : known) {
			Readings.Heap heap = observation.heap();
			assertThat(heap.liveSetGrowthBytesPerSecond()).as("growth at %s", observation.elapsed())
				.isCloseTo(LEAK_BYTES_PER_SECOND, withinPercentage(LEAK_TOLERANCE_PERCENT));
			assertThat(heap.secondsUntilFull()).as("seconds until full at %s", observation.elapsed())
				.isCloseTo((HEAP - heap.liveSetBytes()) / heap.liveSetGrowthBytesPerSecond(), withinPercentage(1e-9));
			assertThat(observation.result().value()).isEqualTo(heap.secondsUntilFull());
		}
		assertThat(known.get(0).heap().secondsUntilFull()).as("until full when first known, HeapGrowthIT's 20 minutes")
			.isBetween(18 * 60.0, 24 * 60.0);
		assertLevelsByThresholdsAndSustain(run);
		assertThat(run).extracting((observation) -> observation.result().level())
			.as("the levels it passes through")
			.containsSubsequence(Level.UNKNOWN, Level.OK, Level.WARNING, Level.CRITICAL);
	}

	/**
	 * No leak: a live set of 40 MiB under 15 MiB of promoted garbage a cycle, with the
	 * floor the mixed collections leave wandering by up to 2 MiB in the ways it does.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("floors")
	void aQuietServiceWithPromotedGarbageReadsNearZeroAndStaysOk(String floor, IntToLongFunction leftByCycle) {
		List<Observation> run = quietRun(new Service((elapsed) -> 40 * MIB, leftByCycle, 0), Duration.ofMinutes(25));
		assertQuiet(run);
		// The newest point is its minute's lowest so far: a later drop in the minute may
		// still lower it. Every point before it is what a minute's collections came down
		// to.
		assertThat(run).allSatisfy((observation) -> {
			long[] bytes = observation.points().bytes();
			for (int i = 0; i < bytes.length - 1; i++) {
				assertThat(bytes[i])
					.as("the live set noted at %s, not the heap after young collections", observation.elapsed())
					.isBetween(40 * MIB, 40 * MIB + MOST_LEFT);
			}
		});
		assertThat(run).extracting(Observation::oldBytes)
			.as("the old generation carries promoted garbage")
			.anySatisfy((old) -> assertThat(old).isGreaterThanOrEqualTo(40 * MIB + 10 * MIB));
	}

	static Stream<Arguments> floors() {
		return Stream.of(Arguments.of("the same every cycle", (IntToLongFunction) (cycle) -> MIB),
				Arguments.of("a sawtooth", (IntToLongFunction) HeapGrowthTimelineTests::sawtooth),
				Arguments.of("random",
						(IntToLongFunction) (cycle) -> new SplittableRandom(cycle).nextLong(MOST_LEFT + 1)),
				Arguments.of("a step up halfway", (IntToLongFunction) (cycle) -> (cycle < 25) ? 0 : MOST_LEFT),
				Arguments.of("rising over the last ten minutes", (IntToLongFunction) (cycle) -> (cycle < 30) ? 0
						: Math.min(MOST_LEFT, (cycle - 30) * MOST_LEFT / 20)));
	}

	/**
	 * A warm-up: the live set climbs 16 MiB (caches, the monitor's window of evaluations
	 * at a short interval) and then holds, as HeapGrowthIT's quiet service did over its
	 * first minutes, with the floor wandering on top.
	 */
	@ParameterizedTest(name = "over {0} minutes")
	@ValueSource(longs = { 1, 5, 10 })
	void aWarmUpThatLevelsOffIsNotALeak(long minutes) {
		long warmUpMillis = Duration.ofMinutes(minutes).toMillis();
		LongUnaryOperator live = (elapsed) -> 24 * MIB + 16 * MIB * Math.min(elapsed, warmUpMillis) / warmUpMillis;
		List<Observation> run = quietRun(new Service(live, HeapGrowthTimelineTests::sawtooth, 0),
				Duration.ofMinutes(25));
		assertQuiet(run);
	}

	/** The floor the mixed collections leave: 0 to 2 MiB in half-MiB steps. */
	private static long sawtooth(int cycle) {
		return (cycle % 5) * MIB / 2;
	}

	private static List<Observation> quietRun(Service service, Duration length) {
		List<Observation> run = new ArrayList<>();
		while (run.isEmpty() || run.get(run.size() - 1).elapsed().compareTo(length) < 0) {
			run.add(service.tick(Duration.ofSeconds(5)));
		}
		return run;
	}

	private static void assertQuiet(List<Observation> run) {
		assertKnownOnlyOnceThePointsSpanTheMinimum(run);
		assertThat(run).filteredOn(Observation::known)
			.as("known for the last minutes: the trend is computed, or this proves nothing")
			.hasSizeGreaterThan(run.size() / 4)
			.allSatisfy((observation) -> assertThat(observation.heap().liveSetGrowthBytesPerSecond())
				.as("growth at %s", observation.elapsed())
				.isLessThanOrEqualTo(QUIET_GROWTH_LIMIT));
		assertThat(run).allSatisfy(
				(observation) -> assertThat(observation.result().level()).as("level at %s", observation.elapsed())
					.isIn(Level.UNKNOWN, Level.OK));
	}

	/**
	 * At every tick, the growth is known exactly when the points of the last half hour
	 * number three and span fifteen minutes; until then the check is unknown.
	 */
	private static void assertKnownOnlyOnceThePointsSpanTheMinimum(List<Observation> run) {
		for (Observation observation : run) {
			LiveSetPoints points = observation.points();
			long now = observation.at().toEpochMilli();
			int first = 0;
			while (first < points.size() && points.epochMillis()[first] < now - TREND_SPAN.toMillis()) {
				first++;
			}
			boolean spans = points.size() - first >= 3
					&& points.epochMillis()[points.size() - 1] - points.epochMillis()[first] >= MINIMUM_SPAN.toMillis();
			assertThat(observation.known()).as("known at %s", observation.elapsed()).isEqualTo(spans);
			if (!spans) {
				assertThat(observation.result().level()).as("level at %s", observation.elapsed())
					.isEqualTo(Level.UNKNOWN);
			}
		}
	}

	/**
	 * Each level from the thresholds, lower being worse, once its breach has lasted the
	 * sustain: the value at or under 6 hours is a warning, at or under 5 minutes
	 * critical.
	 */
	private static void assertLevelsByThresholdsAndSustain(List<Observation> run) {
		Instant warningSince = null;
		Instant criticalSince = null;
		for (Observation observation : run) {
			double value = observation.result().value();
			warningSince = (value <= WARNING.toSeconds()) ? since(warningSince, observation.at()) : null;
			criticalSince = (value <= CRITICAL.toSeconds()) ? since(criticalSince, observation.at()) : null;
			Level expected = Double.isNaN(value) ? Level.UNKNOWN : lasted(criticalSince, observation.at())
					? Level.CRITICAL : lasted(warningSince, observation.at()) ? Level.WARNING : Level.OK;
			assertThat(observation.result().level()).as("level at %s, %.0f s until full", observation.elapsed(), value)
				.isEqualTo(expected);
		}
	}

	private static Instant since(@Nullable Instant start, Instant now) {
		return (start != null) ? start : now;
	}

	private static boolean lasted(@Nullable Instant start, Instant now) {
		return start != null && Duration.between(start, now).compareTo(SUSTAIN) >= 0;
	}

	/**
	 * One tick as the check saw it.
	 *
	 * @param elapsed time since the service started
	 * @param at the tick's time
	 * @param oldBytes the old generation's usage
	 * @param points the live-set points the source had noted
	 * @param heap the heap's readings
	 * @param result the heap-growth check's result
	 */
	private record Observation(Duration elapsed, Instant at, long oldBytes, LiveSetPoints points, Readings.Heap heap,
			CheckResult result) {

		boolean known() {
			return !Double.isNaN(this.heap.liveSetGrowthBytesPerSecond());
		}

	}

	/**
	 * A G1 service's old generation, sampled by the monitor's memory source on a mock
	 * clock and judged by its evaluator.
	 */
	private static final class Service {

		private final MockClock clock = new MockClock();

		private final long startMillis = this.clock.wallTime();

		private final LongUnaryOperator liveAtElapsedMillis;

		private final IntToLongFunction leftByCycle;

		private final SettableMemoryPool eden = new SettableMemoryPool("G1 Eden Space", MemoryType.HEAP);

		private final SettableMemoryPool old = new SettableMemoryPool("G1 Old Gen", MemoryType.HEAP);

		private final HeapInspections inspections = new HeapInspections();

		private final MemorySource source;

		private final Evaluator evaluator = new Evaluator(List.of(HEAP_GROWTH), Duration.ofMinutes(1));

		private long garbage;

		private long leftUntilHistogram;

		private int cycle;

		private long nextCycleMillis = MIXED_EVERY.toMillis();

		private boolean cycleEnding;

		private @Nullable Evaluation evaluation;

		/**
		 * @param liveAtElapsedMillis the live set at each moment since start
		 * @param leftByCycle what each cycle of mixed collections leaves above the live
		 * set
		 * @param leftUntilHistogram garbage that the mixed collections leave on top,
		 * until a class histogram's full collection takes it: the points after it stand
		 * that much lower on the same live set
		 */
		Service(LongUnaryOperator liveAtElapsedMillis, IntToLongFunction leftByCycle, long leftUntilHistogram) {
			this.liveAtElapsedMillis = liveAtElapsedMillis;
			this.leftByCycle = leftByCycle;
			this.leftUntilHistogram = leftUntilHistogram;
			this.source = new MemorySource(heapOf(this.old), List.of(this.eden.bean, this.old.bean),
					this.clock::wallTime, this.inspections);
		}

		/**
		 * The heap the memory source reads besides its pools: the old generation in a
		 * heap of 256 MiB.
		 */
		private static MemoryMXBean heapOf(SettableMemoryPool old) {
			return (MemoryMXBean) Proxy.newProxyInstance(HeapGrowthTimelineTests.class.getClassLoader(),
					new Class<?>[] { MemoryMXBean.class }, (proxy, method, arguments) -> switch (method.getName()) {
						case "getHeapMemoryUsage" -> new MemoryUsage(0, old.used, HEAP, HEAP);
						case "getNonHeapMemoryUsage" -> new MemoryUsage(0, 0, 0, -1);
						default -> throw new UnsupportedOperationException(method.getName());
					});
		}

		Observation tick(Duration interval) {
			this.clock.add(interval);
			long elapsed = this.clock.wallTime() - this.startMillis;
			this.garbage += PROMOTED_BYTES_PER_SECOND * interval.toMillis() / 1000;
			if (elapsed >= this.nextCycleMillis) {
				this.garbage /= 2;
				this.cycleEnding = true;
				this.nextCycleMillis += MIXED_EVERY.toMillis();
			}
			else if (this.cycleEnding) {
				this.garbage = this.leftUntilHistogram + this.leftByCycle.applyAsLong(this.cycle++);
				this.cycleEnding = false;
			}
			this.old.used = this.liveAtElapsedMillis.applyAsLong(elapsed) + this.garbage;
			this.eden.used = 0;
			MemoryFigures memory = this.source.read();
			RuntimeSnapshot snapshot = new RuntimeSnapshot(Instant.ofEpochMilli(this.clock.wallTime()),
					this.clock.monotonicTime(), 1_000_000, null, null, null, memory, null, null, null, null, null, null,
					null);
			Evaluation evaluation = this.evaluator.evaluate(snapshot, null, this.evaluation);
			this.evaluation = evaluation;
			CheckResult result = evaluation.result(Check.HEAP_GROWTH);
			assertThat(result).isNotNull();
			return new Observation(Duration.ofMillis(elapsed), snapshot.time(), this.old.used, memory.liveSet(),
					evaluation.readings().heap(), result);
		}

		/**
		 * The monitor's class histogram between two ticks: the heap inspection begins, a
		 * full collection leaves only the live set, the inspection ends.
		 */
		void classHistogram() {
			this.inspections.mark();
			this.garbage = 0;
			this.leftUntilHistogram = 0;
			this.inspections.mark();
		}

	}

}
