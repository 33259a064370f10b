package dev.runtimemonitor.sampling;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
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
		// Other threads of this JVM (cached Spring contexts, pools) start and end between
		// the two samples, so the live count is not compared with the earlier one: it
		// must hold the threads this test knows to be alive, its own included. The
		// started count only grows, so it must have grown by the test's threads.
		assertThat(this.parked).allMatch(Thread::isAlive);
		assertThat(after.live()).isGreaterThanOrEqualTo(this.parked.size() + 1);
		assertThat(after.started()).isGreaterThanOrEqualTo(before.started() + 20);
		assertThat(after.peak()).isGreaterThanOrEqualTo(after.live());
	}

	@Test
	void readsEachThreadCountFromItsOwnGetterOfTheThreadBean() {
		ThreadSource source = new ThreadSource(threadBean(42, 7, 50, 1234));
		assertThat(source.read()).isEqualTo(new ThreadFigures(42, 7, 50, 1234));
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
		// Beans whose figures only the test moves: the real ones change whenever another
		// thread collects or allocates a direct buffer, even between two reads in a row.
		BufferPool direct = new BufferPool("direct");
		BufferPool mapped = new BufferPool("mapped");
		BufferSource buffers = new BufferSource(List.of(direct.bean, mapped.bean), 1024);
		BufferFigures quiet = buffers.read();
		assertThat(buffers.read()).isSameAs(quiet);
		mapped.count = 1;
		BufferFigures moved = buffers.read();
		assertThat(moved).isNotSameAs(quiet);
		assertThat(moved.mapped().count()).isEqualTo(1);
		assertThat(moved.direct()).isSameAs(quiet.direct());
		assertThat(buffers.read()).isSameAs(moved);
		Collector young = new Collector("G1 Young Generation");
		Collector old = new Collector("G1 Old Generation");
		GcSource gc = new GcSource(List.of(young.bean, old.bean), Set.of());
		GcFigures before = gc.read();
		assertThat(gc.read()).isSameAs(before);
		young.count = 1;
		young.timeMillis = 3;
		GcFigures after = gc.read();
		assertThat(after).isNotSameAs(before);
		assertThat(after.collectors()).extracting(CollectorFigures::count).containsExactly(1L, 0L);
		assertThat(gc.read()).isSameAs(after);
	}

	@Test
	void readsTheCollectionsOfTheRunningJvm() {
		GcSource gc = new GcSource(ManagementFactory.getGarbageCollectorMXBeans(), Set.of());
		GcFigures before = gc.read();
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

	private static ThreadMXBean threadBean(int live, int daemon, int peak, long started) {
		return (ThreadMXBean) Proxy.newProxyInstance(RuntimeSamplerTests.class.getClassLoader(),
				new Class<?>[] { ThreadMXBean.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "getThreadCount" -> live;
					case "getDaemonThreadCount" -> daemon;
					case "getPeakThreadCount" -> peak;
					case "getTotalStartedThreadCount" -> started;
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	/**
	 * A buffer pool whose figures the test sets; only what the source calls is answered.
	 */
	private static final class BufferPool {

		private final BufferPoolMXBean bean;

		private long count;

		BufferPool(String name) {
			this.bean = (BufferPoolMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { BufferPoolMXBean.class }, (proxy, method, arguments) -> switch (method.getName()) {
						case "getName" -> name;
						case "getCount" -> this.count;
						case "getMemoryUsed", "getTotalCapacity" -> this.count * 4096;
						default -> throw new UnsupportedOperationException(method.getName());
					});
		}

	}

	/**
	 * A collector whose count and time the test sets; only what the source calls is
	 * answered.
	 */
	private static final class Collector {

		private final GarbageCollectorMXBean bean;

		private long count;

		private long timeMillis;

		Collector(String name) {
			this.bean = (GarbageCollectorMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { GarbageCollectorMXBean.class },
					(proxy, method, arguments) -> switch (method.getName()) {
						case "getName" -> name;
						case "getCollectionCount" -> this.count;
						case "getCollectionTime" -> this.timeMillis;
						default -> throw new UnsupportedOperationException(method.getName());
					});
		}

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
