package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.benchmarks.ParkedThreads;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
 * A Prometheus scrape of the thread meters alone, Micrometer's {@link JvmThreadMetrics}
 * (what Spring Boot registers) against {@link SampledJvmThreadMetrics} (states from the
 * last tick), at 50 and 10,000 live threads: the cost of the meters without HTTP, the
 * garbage collector or the rest of the registry. Run with {@code -prof gc} for the bytes
 * each scrape allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThreadMetricsScrapeBenchmark {

	@Param({ "50", "10000" })
	public int threads;

	@Param({ "micrometer", "sampled" })
	public String meters;

	private ParkedThreads parked;

	private PrometheusMeterRegistry registry;

	private RuntimeSampler sampler;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.parked = ParkedThreads.upTo(this.threads);
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		if (this.meters.equals("micrometer")) {
			new JvmThreadMetrics().bindTo(this.registry);
		}
		else {
			this.sampler = new RuntimeSampler(SampleSources.platform().withoutDeadlockSearch(), Clock.SYSTEM,
					Duration.ofSeconds(30));
			RuntimeMonitor monitor = new RuntimeMonitor(this.sampler, new Evaluator(List.of(), Duration.ofMinutes(1)),
					Clock.SYSTEM, Duration.ofSeconds(5), Duration.ofMinutes(5));
			monitor.tick();
			new SampledJvmThreadMetrics(monitor).bindTo(this.registry);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.parked.close();
		if (this.sampler != null) {
			this.sampler.close();
		}
	}

	@Benchmark
	public String scrape() {
		return this.registry.scrape();
	}

}
