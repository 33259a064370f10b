package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.testsupport.Samplers;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeMetersTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicInteger live = new AtomicInteger(30);

	private RuntimeMonitor monitor;

	@BeforeEach
	void bind() {
		List<CheckPolicy> policies = List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS),
				new CheckPolicy(Check.DEADLOCK, Double.NaN, 1, Duration.ZERO, Probe.LIVENESS),
				new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS));
		this.monitor = new RuntimeMonitor(
				Samplers.withThreads(this.clock, () -> new ThreadFigures(this.live.get(), 0, 40, 50)),
				new Evaluator(policies, Duration.ofMinutes(1)), this.clock, Duration.ofSeconds(5),
				Duration.ofMinutes(5));
		RuntimeMeters meters = new RuntimeMeters(this.monitor);
		meters.bindTo(this.registry);
		this.monitor.addListener(meters);
	}

	@Test
	void checkGaugesAreNaNBeforeTheFirstTick() {
		assertThat(this.registry.get("runtime.check.value").tag("check", "threads").gauge().value()).isNaN();
		assertThat(this.registry.get("runtime.check.level").tag("check", "threads").gauge().value()).isNaN();
	}

	@Test
	void checkGaugesReadTheLastEvaluation() {
		this.monitor.tick();
		assertThat(this.registry.get("runtime.check.value").tag("check", "threads").gauge().value()).isEqualTo(30);
		assertThat(this.registry.get("runtime.check.level").tag("check", "threads").gauge().value()).isEqualTo(2);
		this.live.set(5);
		this.clock.add(Duration.ofSeconds(5));
		this.monitor.tick();
		assertThat(this.registry.get("runtime.check.value").tag("check", "threads").gauge().value()).isEqualTo(5);
		assertThat(this.registry.get("runtime.check.level").tag("check", "threads").gauge().value()).isZero();
	}

	@Test
	void samplerGaugesShowTheAgeOfTheLastSampleAsOfNow() {
		this.monitor.tick();
		this.clock.add(Duration.ofSeconds(20));
		assertThat(this.registry.get("runtime.check.value").tag("check", "sampler").gauge().value()).isEqualTo(20);
		assertThat(this.registry.get("runtime.check.level").tag("check", "sampler").gauge().value()).isEqualTo(2);
	}

	@Test
	void thresholdsArePublishedOnlyWhereSet() {
		assertThat(this.registry.get("runtime.check.threshold")
			.tags("check", "threads", "level", "warning")
			.gauge()
			.value()).isEqualTo(10);
		assertThat(this.registry.get("runtime.check.threshold")
			.tags("check", "threads", "level", "critical")
			.gauge()
			.value()).isEqualTo(20);
		assertThat(this.registry.find("runtime.check.threshold").tags("check", "deadlock", "level", "warning").gauge())
			.isNull();
		assertThat(this.registry.find("runtime.check.value").tag("check", "heap").gauge()).isNull();
	}

	@Test
	void sampleDurationAndErrorsAreCounted() {
		this.monitor.tick();
		this.monitor.tick();
		assertThat(this.registry.get("runtime.sample.duration").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("runtime.sample.errors").tag("source", "threads").functionCounter().count())
			.isZero();
		assertThat(this.registry.get("runtime.sample.errors").tag("source", "tick").functionCounter().count()).isZero();
	}

	@Test
	void publishesFiguresTheJvmBindersLack() {
		this.monitor.tick();
		assertThat(this.registry.get("runtime.memory.allocated").functionCounter().count()).isPositive();
		assertThat(this.registry.get("runtime.memory.allocated").functionCounter().getId().getBaseUnit())
			.isEqualTo("bytes");
		assertThat(this.registry.get("runtime.threads.growth.rate").gauge().value()).isNaN();
		assertThat(this.registry.find("runtime.process.resident.memory").gauge()).isNotNull();
		assertThat(this.registry.find("runtime.container.memory.limit").gauge()).isNotNull();
		assertThat(this.registry.find("runtime.memory.heap.after.gc").gauge()).isNotNull();
	}

}
