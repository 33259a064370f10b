package dev.runtimemonitor.sampling;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeSamplerTests {

	private final List<Thread> parked = new ArrayList<>();

	@AfterEach
	void releaseThreads() throws InterruptedException {
		for (Thread thread : this.parked) {
			thread.interrupt();
			thread.join(5000);
		}
	}

	@Test
	void countsThreadsStartedByTheTest() throws InterruptedException {
		RuntimeSampler sampler = new RuntimeSampler(SampleSources.platform(), Clock.SYSTEM, Duration.ofSeconds(30));
		ThreadFigures before = sampler.sample().threads();
		CountDownLatch started = new CountDownLatch(20);
		for (int i = 0; i < 20; i++) {
			Thread thread = new Thread(() -> {
				started.countDown();
				try {
					Thread.sleep(Long.MAX_VALUE);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			this.parked.add(thread);
		}
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		ThreadFigures after = sampler.sample().threads();
		assertThat(before).isNotNull();
		assertThat(after).isNotNull();
		assertThat(after.live()).isGreaterThanOrEqualTo(before.live() + 20);
		assertThat(after.started()).isGreaterThanOrEqualTo(before.started() + 20);
		assertThat(after.peak()).isGreaterThanOrEqualTo(after.live());
	}

	@Test
	void readsTheMemoryOfTheRunningJvm() {
		RuntimeSampler sampler = new RuntimeSampler(SampleSources.platform(), Clock.SYSTEM, Duration.ofSeconds(30));
		System.gc();
		RuntimeSnapshot snapshot = sampler.sample();
		MemoryFigures memory = snapshot.memory();
		assertThat(memory).isNotNull();
		assertThat(memory.heap().used()).isPositive();
		assertThat(memory.heap().max()).isEqualTo(Runtime.getRuntime().maxMemory());
		assertThat(memory.pools()).anyMatch(MemoryPoolFigures::heap).anyMatch((pool) -> !pool.heap());
		assertThat(memory.pool("Metaspace")).isNotNull();
		GcFigures gc = snapshot.gc();
		assertThat(gc).isNotNull();
		assertThat(gc.collectors()).isNotEmpty();
		assertThat(gc.hasHeapUsedAfterGc()).isTrue();
		assertThat(gc.heapUsedAfterGc()).isPositive().isLessThanOrEqualTo(memory.heap().max());
		assertThat(snapshot.buffers()).isNotNull();
		assertThat(snapshot.buffers().maxDirect()).isPositive();
		ProcessFigures process = snapshot.process();
		assertThat(process).isNotNull();
		assertThat(process.cpuTimeNanos()).isPositive();
		assertThat(process.loadedClasses()).isPositive();
		assertThat(snapshot.deadlocks()).isNotNull();
		assertThat(snapshot.durationNanos()).isPositive();
	}

	@Test
	void sharesFiguresThatDidNotChangeBetweenSamples() {
		BufferSource buffers = new BufferSource(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class), 1024);
		assertThat(buffers.read()).isSameAs(buffers.read());
		GcSource gc = new GcSource(ManagementFactory.getGarbageCollectorMXBeans(), Set.of());
		GcFigures before = gc.read();
		assertThat(gc.read()).isSameAs(before);
		System.gc();
		GcFigures after = gc.read();
		assertThat(after).isNotSameAs(before);
		assertThat(after.collectors().stream().mapToLong(CollectorFigures::count).sum())
			.isGreaterThan(before.collectors().stream().mapToLong(CollectorFigures::count).sum());
	}

	@Test
	void allocatedBytesGrowWithAllocation() {
		RuntimeSampler sampler = new RuntimeSampler(SampleSources.platform(), Clock.SYSTEM, Duration.ofSeconds(30));
		long before = sampler.sample().process().allocatedBytes();
		byte[][] garbage = new byte[64][];
		for (int i = 0; i < garbage.length; i++) {
			garbage[i] = new byte[64 * 1024];
		}
		long after = sampler.sample().process().allocatedBytes();
		assertThat(garbage.length).isEqualTo(64);
		assertThat(after - before).isGreaterThanOrEqualTo(64L * 64 * 1024);
	}

	@Test
	void failingSourceIsCountedAndLeftOutWhileTheRestIsSampled() {
		SampleSources platform = SampleSources.platform();
		SampleSources sources = new SampleSources(new Failing<>("threads"), platform.threadStates(),
				platform.virtualThreads(), platform.memory(), platform.gc(), null, platform.buffers(),
				platform.process(), platform.resident(), platform.container(), platform.deadlocks());
		RuntimeSampler sampler = new RuntimeSampler(sources, Clock.SYSTEM, Duration.ofSeconds(30));
		RuntimeSnapshot first = sampler.sample();
		RuntimeSnapshot second = sampler.sample();
		assertThat(first.threads()).isNull();
		assertThat(second.threads()).isNull();
		assertThat(second.memory()).isNotNull();
		assertThat(second.gc()).isNotNull();
		assertThat(sampler.errors().count("threads")).isEqualTo(2);
		assertThat(sampler.errors().count("memory")).isZero();
	}

	@Test
	void unsupportedSourceIsCountedOnceAndNeverRead() {
		SampleSources platform = SampleSources.platform();
		Unsupported unsupported = new Unsupported();
		SampleSources sources = new SampleSources(platform.threads(), null, platform.virtualThreads(),
				platform.memory(), platform.gc(), null, platform.buffers(), platform.process(), unsupported,
				platform.container(), null);
		RuntimeSampler sampler = new RuntimeSampler(sources, Clock.SYSTEM, Duration.ofSeconds(30));
		sampler.sample();
		RuntimeSnapshot snapshot = sampler.sample();
		assertThat(snapshot.resident()).isNull();
		assertThat(unsupported.reads).hasValue(0);
		assertThat(sampler.errors().count("resident-memory")).isEqualTo(1);
		assertThat(sampler.errors().sources()).doesNotContain("deadlocks");
		assertThat(snapshot.deadlocks()).isNull();
	}

	@Test
	void deadlockSearchRunsOnItsOwnIntervalAndTheSnapshotsCarryItsOutcome() {
		MockClock clock = new MockClock();
		CountingSearch search = new CountingSearch();
		SampleSources platform = SampleSources.platform();
		SampleSources sources = new SampleSources(platform.threads(), null, platform.virtualThreads(),
				platform.memory(), platform.gc(), null, platform.buffers(), platform.process(), platform.resident(),
				platform.container(), search);
		RuntimeSampler sampler = new RuntimeSampler(sources, clock, Duration.ofSeconds(30));
		RuntimeSnapshot first = sampler.sample();
		clock.add(Duration.ofSeconds(5));
		RuntimeSnapshot second = sampler.sample();
		clock.add(Duration.ofSeconds(25));
		RuntimeSnapshot third = sampler.sample();
		assertThat(search.reads).hasValue(2);
		assertThat(second.deadlocks()).isEqualTo(first.deadlocks());
		assertThat(third.deadlocks().checkedAt()).isEqualTo(third.time());
	}

	private record Failing<T>(String name) implements SampleSource<T> {

		@Override
		public T read() {
			throw new IllegalStateException("Bean unavailable");
		}

	}

	private static final class Unsupported implements SampleSource<ResidentMemory> {

		private final AtomicInteger reads = new AtomicInteger();

		@Override
		public String name() {
			return "resident-memory";
		}

		@Override
		public boolean isSupported() {
			return false;
		}

		@Override
		public ResidentMemory read() {
			this.reads.incrementAndGet();
			return new ResidentMemory(1, 1);
		}

	}

	private static final class CountingSearch implements SampleSource<Integer> {

		private final AtomicInteger reads = new AtomicInteger();

		@Override
		public String name() {
			return "deadlocks";
		}

		@Override
		public Integer read() {
			this.reads.incrementAndGet();
			return 0;
		}

	}

}
