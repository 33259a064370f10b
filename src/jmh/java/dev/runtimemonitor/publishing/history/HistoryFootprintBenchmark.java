package dev.runtimemonitor.publishing.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import io.micrometer.core.instrument.Clock;
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
 * What a tick adds to the history behind {@code /runtime/history}: {@code point} turns a
 * real evaluation (every check enabled) into its compact point and adds it to a full ring
 * of an hour at 5 s, so each point allocated is one the ring keeps and one it drops;
 * {@code evaluation} builds what the ring would otherwise keep, a sample of the real JVM
 * and its evaluation. Run with {@code -prof gc} for the bytes of each
 * ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryFootprintBenchmark {

	private static final int HOUR_AT_5S = 720;

	private RuntimeSampler sampler;

	private Evaluator evaluator;

	private Evaluation evaluation;

	private RuntimeHistory history;

	@Setup(Level.Trial)
	public void setUp() {
		List<CheckPolicy> policies = new ArrayList<>();
		for (Check check : Check.values()) {
			policies.add(new CheckPolicy(check, 0.8, 0.95, Duration.ofSeconds(15), Probe.NONE));
		}
		this.evaluator = new Evaluator(policies, Duration.ofMinutes(1));
		this.sampler = new RuntimeSampler(SampleSources.platform().withoutDeadlockSearch(), Clock.SYSTEM,
				Duration.ofSeconds(30));
		this.evaluation = this.evaluator.evaluate(this.sampler.sample(), null, null);
		this.history = new RuntimeHistory(HOUR_AT_5S);
		for (int i = 0; i < HOUR_AT_5S; i++) {
			this.history.onEvaluation(this.evaluation, null);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.sampler.close();
	}

	@Benchmark
	public RuntimeHistory point() {
		this.history.onEvaluation(this.evaluation, null);
		return this.history;
	}

	@Benchmark
	public Evaluation evaluation() {
		return this.evaluator.evaluate(this.sampler.sample(), null, this.evaluation);
	}

}
