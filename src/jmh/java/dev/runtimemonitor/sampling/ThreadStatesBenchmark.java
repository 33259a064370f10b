package dev.runtimemonitor.sampling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.benchmarks.ParkedThreads;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

/**
 * Ways to count live platform threads by state, at 50, 1,000 and 10,000 threads: what
 * Micrometer's {@code jvm.threads.states} costs per scrape (all six gauges, each reading
 * every thread's {@code ThreadInfo}); one {@code ThreadInfo} read for all six; and
 * {@link ThreadStateSource}, which enumerates the threads into a reused array and reads
 * {@link Thread#getState()}. Run with {@code -prof gc} for the bytes each allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThreadStatesBenchmark {

	@Param({ "50", "1000", "10000" })
	public int threads;

	private ParkedThreads parked;

	private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

	private final int[] counts = new int[Thread.State.values().length];

	private List<Gauge> micrometerGauges;

	private ThreadStateSource source;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.parked = ParkedThreads.upTo(this.threads);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new JvmThreadMetrics().bindTo(registry);
		this.micrometerGauges = List.copyOf(registry.get("jvm.threads.states").gauges());
		this.source = ThreadStateSource.allThreads();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.parked.close();
	}

	/**
	 * What one scrape of Micrometer's six state gauges costs.
	 */
	@Benchmark
	public double micrometerScrape() {
		double sum = 0;
		for (Gauge gauge : this.micrometerGauges) {
			sum += gauge.value();
		}
		return sum;
	}

	/**
	 * Every thread's {@code ThreadInfo} without stack, once for all states.
	 */
	@Benchmark
	public int[] threadInfo() {
		int[] counts = this.counts;
		Arrays.fill(counts, 0);
		for (ThreadInfo info : this.threadBean.getThreadInfo(this.threadBean.getAllThreadIds(), 0)) {
			if (info != null) {
				counts[info.getThreadState().ordinal()]++;
			}
		}
		return counts;
	}

	/**
	 * The threads enumerated into a reused array, {@link Thread#getState()} of each.
	 */
	@Benchmark
	public ThreadStates enumerate() {
		return this.source.read();
	}

}
