package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.LiveSetPoints;
import dev.runtimemonitor.sampling.MemoryArea;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.testsupport.Samplers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RuntimeMetersTests {

	private static final long MIB = 1024 * 1024;

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

	@Test
	void workingSetAndLiveSetGaugesReadTheEvaluation() {
		this.clock.add(Duration.ofHours(1));
		MemoryFigures memory = memory(liveSetGrowingAMibAMinute(16));
		RuntimeMonitor monitor = memoryMonitor(memory,
				new ContainerMemory(1024 * MIB, 500 * MIB, 400 * MIB, 100 * MIB));
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		new RuntimeMeters(monitor).bindTo(registry);
		Gauge workingSet = gauge(registry, "runtime.container.memory.working.set",
				"runtime_container_memory_working_set_bytes");
		Gauge liveSet = gauge(registry, "runtime.memory.heap.live.set", "runtime_memory_heap_live_set_bytes");
		Gauge growth = gauge(registry, "runtime.memory.heap.live.set.growth",
				"runtime_memory_heap_live_set_growth_bytes_per_second");
		assertThat(workingSet.value()).as("before the first tick").isNaN();
		assertThat(liveSet.value()).as("before the first tick").isNaN();
		assertThat(growth.value()).as("before the first tick").isNaN();

		monitor.tick();

		Readings readings = monitor.latest().readings();
		assertThat(workingSet.value()).isEqualTo(readings.memory().containerWorkingSetBytes()).isEqualTo(400.0 * MIB);
		assertThat(gauge(registry, "runtime.container.memory.usage", "runtime_container_memory_usage_bytes").value())
			.isEqualTo(500.0 * MIB);
		assertThat(liveSet.value()).isEqualTo(readings.heap().liveSetBytes()).isEqualTo(115.0 * MIB);
		assertThat(growth.value()).isEqualTo(readings.heap().liveSetGrowthBytesPerSecond())
			.isCloseTo(MIB / 60.0, within(1e-6));
	}

	@Test
	void workingSetAndLiveSetGaugesAreNaNWhileUnknown() {
		this.clock.add(Duration.ofHours(1));
		// A group without memory.stat, and live-set points that span five minutes: too
		// short a time for a trend.
		RuntimeMonitor monitor = memoryMonitor(memory(liveSetGrowingAMibAMinute(6)),
				new ContainerMemory(1024 * MIB, 500 * MIB));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new RuntimeMeters(monitor).bindTo(registry);
		monitor.tick();
		assertThat(registry.get("runtime.container.memory.working.set").gauge().value()).isNaN();
		assertThat(registry.get("runtime.container.memory.usage").gauge().value()).isEqualTo(500.0 * MIB);
		assertThat(registry.get("runtime.memory.heap.live.set").gauge().value()).isEqualTo(105.0 * MIB);
		assertThat(registry.get("runtime.memory.heap.live.set.growth").gauge().value()).isNaN();

		RuntimeMonitor outsideAGroup = memoryMonitor(memory(LiveSetPoints.NONE), null);
		SimpleMeterRegistry outside = new SimpleMeterRegistry();
		new RuntimeMeters(outsideAGroup).bindTo(outside);
		outsideAGroup.tick();
		assertThat(outsideAGroup.latest()).isNotNull();
		assertThat(outside.get("runtime.container.memory.working.set").gauge().value()).isNaN();
		assertThat(outside.get("runtime.memory.heap.live.set").gauge().value()).isNaN();
		assertThat(outside.get("runtime.memory.heap.live.set.growth").gauge().value()).isNaN();
	}

	/**
	 * A gauge by its Micrometer name, checked to be in bytes, described, and scraped
	 * under the Prometheus name docs/checks-and-meters.md gives it.
	 */
	private static Gauge gauge(PrometheusMeterRegistry registry, String name, String prometheusName) {
		Gauge gauge = registry.get(name).gauge();
		assertThat(gauge.getId().getBaseUnit()).as(name).startsWith("bytes");
		assertThat(gauge.getId().getDescription()).as(name).isNotBlank();
		assertThat(registry.scrape()).as(name).contains("\n" + prometheusName + " ");
		return gauge;
	}

	/**
	 * Live-set points one a minute up to now, from 100 MiB growing a MiB a minute.
	 */
	private LiveSetPoints liveSetGrowingAMibAMinute(int points) {
		long[] times = new long[points];
		long[] bytes = new long[points];
		for (int i = 0; i < points; i++) {
			times[i] = this.clock.wallTime() - 60_000L * (points - 1 - i);
			bytes[i] = (100 + i) * MIB;
		}
		return new LiveSetPoints(times, bytes);
	}

	private static MemoryFigures memory(LiveSetPoints liveSet) {
		return new MemoryFigures(new MemoryArea(300 * MIB, 512 * MIB, 1024 * MIB),
				new MemoryArea(50 * MIB, 60 * MIB, -1), List.of(), liveSet);
	}

	/**
	 * A monitor whose memory figures are these and whose container is this one; none for
	 * a process outside any memory control group.
	 */
	private RuntimeMonitor memoryMonitor(MemoryFigures memory, @Nullable ContainerMemory container) {
		List<CheckPolicy> policies = List.of(new CheckPolicy(Check.HEAP, 0.8, 0.95, Duration.ZERO, Probe.LIVENESS));
		return new RuntimeMonitor(
				Samplers.withMemory(this.clock, () -> memory, (container != null) ? () -> container : null),
				new Evaluator(policies, Duration.ofMinutes(1)), this.clock, Duration.ofSeconds(5),
				Duration.ofMinutes(5));
	}

}
