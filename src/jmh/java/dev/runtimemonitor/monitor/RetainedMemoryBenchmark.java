package dev.runtimemonitor.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.sampling.gc.GcPause;
import dev.runtimemonitor.sampling.gc.GcPauseRecorder;
import dev.runtimemonitor.sampling.gc.GcPauseSource;
import io.micrometer.core.instrument.MockClock;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An accelerated long run: after 5,000 ticks of warm-up on a mock clock, 25,000 more
 * ticks with four recorded pauses each, and the heap the monitor retains measured before
 * and after them, each time after three full collections. In a forked JVM of its own
 * nothing else holds or frees memory meanwhile, so the difference is the monitor's: it
 * should stay near zero, its rings and windows being bounded. The figure is the
 * {@code retainedBytes} counter of each iteration (the summary adds the iterations up);
 * the time is that of the 25,000 ticks and the collections.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RetainedMemoryBenchmark {

	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private MockClock clock;

	private GcPauseRecorder pauses;

	private RuntimeSampler sampler;

	private RuntimeMonitor monitor;

	private long afterWarmUp;

	@Setup(Level.Iteration)
	public void warmUp() {
		this.clock = new MockClock();
		// Not started: the benchmark records the pauses itself.
		GcEventSubscription subscription = new GcEventSubscription(GcEventSubscription.Source.AUTO);
		this.pauses = subscription.recorder();
		this.sampler = new RuntimeSampler(
				SampleSources.platform().withPauses(new GcPauseSource(subscription, Duration.ofMinutes(5), this.clock)),
				this.clock, Duration.ofSeconds(30));
		this.monitor = new RuntimeMonitor(this.sampler,
				new Evaluator(
						List.of(new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ofSeconds(60), Probe.LIVENESS),
								new CheckPolicy(Check.GC_PAUSE, 0.2, 1, Duration.ofSeconds(15), Probe.READINESS)),
						Duration.ofMinutes(1)),
				this.clock, INTERVAL, Duration.ofMinutes(5));
		run(5_000);
		this.afterWarmUp = retainedHeap();
	}

	@TearDown(Level.Iteration)
	public void close() throws Exception {
		this.sampler.close();
	}

	@Benchmark
	public void longRun(Retained retained) {
		run(25_000);
		retained.retainedBytes = retainedHeap() - this.afterWarmUp;
	}

	private void run(int ticks) {
		for (int i = 0; i < ticks; i++) {
			for (int p = 0; p < 4; p++) {
				this.pauses.recordPause(new GcPause(i, "G1New", "young", "G1 Evacuation Pause", 1_000_000 + p,
						Instant.ofEpochMilli(this.clock.wallTime())));
			}
			this.monitor.tick();
			this.clock.add(INTERVAL);
		}
	}

	private long retainedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return this.memory.getHeapMemoryUsage().getUsed();
	}

	/**
	 * The heap retained after the 25,000 ticks less that retained before them, in bytes.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Retained {

		public long retainedBytes;

	}

}
