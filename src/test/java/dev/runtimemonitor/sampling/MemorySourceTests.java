package dev.runtimemonitor.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemorySourceTests {

	private static final long MIB = 1024 * 1024;

	private static final long MINUTE = 60_000;

	private final AtomicLong clock = new AtomicLong(1_000_000);

	private final SettableMemoryPool eden = new SettableMemoryPool("G1 Eden Space", MemoryType.HEAP);

	private final SettableMemoryPool survivor = new SettableMemoryPool("G1 Survivor Space", MemoryType.HEAP);

	private final SettableMemoryPool old = new SettableMemoryPool("G1 Old Gen", MemoryType.HEAP);

	private final SettableMemoryPool metaspace = new SettableMemoryPool("Metaspace", MemoryType.NON_HEAP);

	private final HeapInspections inspections = new HeapInspections();

	private final MemorySource source = new MemorySource(ManagementFactory.getMemoryMXBean(),
			List.of(this.eden.bean, this.survivor.bean, this.old.bean, this.metaspace.bean), this.clock::get,
			this.inspections);

	/**
	 * The trap a trend over "heap after the last collection" falls into: young
	 * collections promote garbage, so the old generation only climbs (32 to 72 MiB over
	 * eight minutes) until a collection that reclaims it brings it down to 22 MiB. Only
	 * that drop makes a point.
	 */
	@Test
	void garbagePromotedByYoungCollectionsMakesNoPointOnlyTheDropDoes() {
		LiveSetPoints points = LiveSetPoints.NONE;
		for (long used = 32; used <= 72; used += 5) {
			points = tick(used * MIB, MINUTE);
		}
		assertThat(points.size()).isZero();
		points = tick(22 * MIB, MINUTE);
		assertThat(points.bytes()).containsExactly(22 * MIB);
		assertThat(points.epochMillis()).containsExactly(this.clock.get());
	}

	@Test
	void everyDropOfTheOldGenerationMakesAPointAndTheYoungPoolsNone() {
		tick(100 * MIB, MINUTE);
		this.eden.used = 50 * MIB;
		tick(100 * MIB, MINUTE);
		this.eden.used = 0;
		this.survivor.used = 0;
		tick(100 * MIB, MINUTE);
		tick(140 * MIB, MINUTE);
		LiveSetPoints points = tick(105 * MIB, MINUTE);
		tick(150 * MIB, MINUTE);
		points = tick(110 * MIB, MINUTE);
		assertThat(points.bytes()).containsExactly(105 * MIB, 110 * MIB);
		assertThat(points.epochMillis()[1] - points.epochMillis()[0]).isEqualTo(2 * MINUTE);
	}

	/**
	 * G1's mixed collections: the old generation drops at several ticks of one minute,
	 * each time a little, with young collections promoting in between. The minute keeps
	 * one point, the lowest.
	 */
	@Test
	void dropsWithinOneMinuteMakeOnePointTheLowest() {
		this.clock.set(1000 * MINUTE);
		tick(140 * MIB, 1000);
		tick(120 * MIB, 5000);
		tick(125 * MIB, 5000);
		tick(105 * MIB, 5000);
		tick(112 * MIB, 5000);
		LiveSetPoints points = tick(108 * MIB, 5000);
		assertThat(points.bytes()).containsExactly(105 * MIB);
		assertThat(points.epochMillis()).containsExactly(1000 * MINUTE + 16_000);
		tick(130 * MIB, MINUTE);
		points = tick(115 * MIB, 1000);
		assertThat(points.bytes()).containsExactly(105 * MIB, 115 * MIB);
	}

	/**
	 * The class histogram the monitor takes when heap-growth rises collects the whole
	 * heap, far below the floor G1's mixed collections keep, and their floor takes a
	 * while to come back: as points, either would read as the leak slowing down. Drops
	 * make no point across the heap inspection nor for a minute after it.
	 */
	@Test
	void aHeapInspectionAndTheMinuteAfterItMakeNoPoint() {
		tick(140 * MIB, MINUTE);
		tick(120 * MIB, MINUTE);
		this.inspections.mark();
		this.inspections.mark();
		LiveSetPoints points = tick(96 * MIB, 1000);
		tick(130 * MIB, 10_000);
		points = tick(108 * MIB, 10_000);
		tick(130 * MIB, 10_000);
		points = tick(114 * MIB, 20_000);
		assertThat(points.bytes()).containsExactly(120 * MIB);
		tick(130 * MIB, 5000);
		points = tick(121 * MIB, 6000);
		assertThat(points.bytes()).containsExactly(120 * MIB, 121 * MIB);
		assertThat(points.inspectionsBefore()[1]).as("after the inspection")
			.isGreaterThan(points.inspectionsBefore()[0]);
		tick(130 * MIB, MINUTE);
		points = tick(122 * MIB, 1000);
		assertThat(points.inspectionsBefore()[2]).as("no inspection since").isEqualTo(points.inspectionsBefore()[1]);
	}

	@Test
	void keepsOnlyTheNewestPoints() {
		LiveSetPoints points = LiveSetPoints.NONE;
		for (int i = 0; i < MemorySource.LIVE_SET_CAPACITY + 10; i++) {
			tick(200 * MIB, MINUTE);
			points = tick((100 + i) * MIB, 1000);
		}
		assertThat(points.size()).isEqualTo(MemorySource.LIVE_SET_CAPACITY);
		assertThat(points.bytes()[points.size() - 1]).isEqualTo((100 + MemorySource.LIVE_SET_CAPACITY + 9) * MIB);
		assertThat(points.bytes()[0]).isEqualTo(110 * MIB);
	}

	@Test
	void youngPoolsAreTheEdenSurvivorAndYoungGenerations() {
		assertThat(MemorySource.isYoung("G1 Eden Space")).isTrue();
		assertThat(MemorySource.isYoung("PS Survivor Space")).isTrue();
		assertThat(MemorySource.isYoung("ZGC Young Generation")).isTrue();
		assertThat(MemorySource.isYoung("G1 Old Gen")).isFalse();
		assertThat(MemorySource.isYoung("ZGC Old Generation")).isFalse();
		assertThat(MemorySource.isYoung("Shenandoah")).isFalse();
	}

	private LiveSetPoints tick(long oldUsed, long millisLater) {
		this.clock.addAndGet(millisLater);
		this.old.used = oldUsed;
		return this.source.read().liveSet();
	}

}
