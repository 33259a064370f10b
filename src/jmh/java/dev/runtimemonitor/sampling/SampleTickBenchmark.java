package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.runtimemonitor.benchmarks.ParkedThreads;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.sampling.gc.GcPauseSource;
import io.micrometer.core.instrument.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One sample tick against its floor: the bare management-bean calls and file reads the
 * sampler makes, with nothing built from them (the threads by state: the enumeration into
 * a reused array and each thread's state). Run with {@code -prof gc} for the bytes
 * each allocates ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SampleTickBenchmark {

	@Param({ "50", "1000" })
	public int threads;

	@Param({ "false", "true" })
	public boolean deadlockSearch;

	private ParkedThreads parked;

	private RuntimeSampler sampler;

	private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

	private final com.sun.management.ThreadMXBean allocationBean = (com.sun.management.ThreadMXBean) this.threadBean;

	private final MemoryMXBean memoryBean = ManagementFactory.getMemoryMXBean();

	private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();

	private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

	private final List<BufferPoolMXBean> buffers = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);

	private final UnixOperatingSystemMXBean os = (UnixOperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();

	private VirtualThreadSource.Getters virtualThreads;

	private ThreadGroup rootGroup;

	private Thread[] allThreads;

	private final int[] stateCounts = new int[Thread.State.values().length];

	private KernelFile status;

	private KernelFile cgroupLimit;

	private KernelFile cgroupUsage;

	private KernelFile cgroupStat;

	private GcEventSubscription pauses;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.parked = ParkedThreads.upTo(this.threads);
		// Started, as in a service: each tick reads the GC counters too.
		this.pauses = new GcEventSubscription(GcEventSubscription.Source.AUTO);
		this.pauses.start();
		SampleSources sources = SampleSources.platform()
			.withPauses(new GcPauseSource(this.pauses, Duration.ofMinutes(5), Clock.SYSTEM));
		if (!this.deadlockSearch) {
			sources = sources.withoutDeadlockSearch();
		}
		this.sampler = new RuntimeSampler(sources, Clock.SYSTEM, Duration.ZERO);
		this.virtualThreads = VirtualThreadSource.Getters.bind();
		this.rootGroup = Thread.currentThread().getThreadGroup();
		while (this.rootGroup.getParent() != null) {
			this.rootGroup = this.rootGroup.getParent();
		}
		this.allThreads = new Thread[this.threads * 2];
		this.status = KernelFile.open(Path.of("/proc/self/status"), 8192);
		CgroupMemoryFiles cgroup = CgroupMemoryFiles.find(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
		this.cgroupLimit = KernelFile.open(cgroup.limit(), 64);
		this.cgroupUsage = KernelFile.open(cgroup.usage(), 64);
		this.cgroupStat = KernelFile.open(cgroup.stat(), 16 * 1024);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.parked.close();
		this.pauses.close();
		this.sampler.close();
		this.status.close();
		this.cgroupLimit.close();
		this.cgroupUsage.close();
		this.cgroupStat.close();
	}

	@Benchmark
	public RuntimeSnapshot sample() {
		return this.sampler.sample();
	}

	@Benchmark
	public void floor(Blackhole blackhole) throws Throwable {
		blackhole.consume(this.threadBean.getThreadCount());
		blackhole.consume(this.threadBean.getDaemonThreadCount());
		blackhole.consume(this.threadBean.getPeakThreadCount());
		blackhole.consume(this.threadBean.getTotalStartedThreadCount());
		Arrays.fill(this.stateCounts, 0);
		int live = this.rootGroup.enumerate(this.allThreads, true);
		for (int i = 0; i < live; i++) {
			this.stateCounts[this.allThreads[i].getState().ordinal()]++;
		}
		blackhole.consume(this.stateCounts);
		blackhole.consume((int) this.virtualThreads.parallelism().invokeExact());
		blackhole.consume((int) this.virtualThreads.poolSize().invokeExact());
		blackhole.consume((int) this.virtualThreads.mounted().invokeExact());
		blackhole.consume((long) this.virtualThreads.queued().invokeExact());
		blackhole.consume(this.memoryBean.getHeapMemoryUsage());
		blackhole.consume(this.memoryBean.getNonHeapMemoryUsage());
		for (MemoryPoolMXBean pool : this.pools) {
			blackhole.consume(pool.getUsage());
		}
		for (GarbageCollectorMXBean collector : this.collectors) {
			blackhole.consume(collector.getCollectionCount());
			blackhole.consume(collector.getCollectionTime());
		}
		for (BufferPoolMXBean buffer : this.buffers) {
			blackhole.consume(buffer.getCount());
			blackhole.consume(buffer.getMemoryUsed());
			blackhole.consume(buffer.getTotalCapacity());
		}
		blackhole.consume(this.os.getProcessCpuTime());
		blackhole.consume(this.allocationBean.getTotalThreadAllocatedBytes());
		blackhole.consume(this.classes.getLoadedClassCount());
		blackhole.consume(this.os.getOpenFileDescriptorCount());
		blackhole.consume(this.os.getMaxFileDescriptorCount());
		blackhole.consume(this.status.read());
		blackhole.consume(this.cgroupLimit.read());
		blackhole.consume(this.cgroupUsage.read());
		blackhole.consume(this.cgroupStat.read());
		if (this.deadlockSearch) {
			blackhole.consume(this.threadBean.findDeadlockedThreads());
		}
	}

}
