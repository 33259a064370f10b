package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import dev.runtimemonitor.testsupport.SnapshotBuilder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RuntimeMetersTests {

	private static final long MIB = 1024 * 1024;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SettableMonitorView monitor = new SettableMonitorView(
			List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS),
					new CheckPolicy(Check.DEADLOCK, Double.NaN, 1, Duration.ZERO, Probe.LIVENESS),
					new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS)),
			List.of("threads", "memory"));

	@BeforeEach
	void bind() {
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
		this.monitor.tick(atSeconds(0).threads(30));
		assertThat(this.registry.get("runtime.check.value").tag("check", "threads").gauge().value()).isEqualTo(30);
		assertThat(this.registry.get("runtime.check.level").tag("check", "threads").gauge().value()).isEqualTo(2);
		this.monitor.tick(atSeconds(5).threads(5));
		assertThat(this.registry.get("runtime.check.value").tag("check", "threads").gauge().value()).isEqualTo(5);
		assertThat(this.registry.get("runtime.check.level").tag("check", "threads").gauge().value()).isZero();
	}

	@Test
	void samplerGaugesShowTheAgeOfTheLastSampleAsOfNow() {
		this.monitor.tick(atSeconds(0).threads(5));
		this.monitor.overdue(Duration.ofSeconds(20));
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
		this.monitor.tick(atSeconds(0).threads(5));
		this.monitor.tick(atSeconds(5).threads(5));
		this.monitor.failTick();
		Timer duration = this.registry.get("runtime.sample.duration").timer();
		assertThat(duration.count()).isEqualTo(2);
		assertThat(duration.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(2 * SnapshotBuilder.DURATION_NANOS);
		assertThat(this.registry.get("runtime.sample.errors").functionCounters()).hasSize(3);
		assertThat(this.registry.get("runtime.sample.errors").tag("source", "threads").functionCounter().count())
			.isZero();
		assertThat(this.registry.get("runtime.sample.errors").tag("source", "tick").functionCounter().count()).isOne();
	}

	@Test
	void publishesFiguresTheJvmBindersLack() {
		this.monitor.tick(atSeconds(0).threads(5).allocated(123_000_000));
		assertThat(this.registry.get("runtime.memory.allocated").functionCounter().count()).isEqualTo(123_000_000);
		assertThat(this.registry.get("runtime.memory.allocated").functionCounter().getId().getBaseUnit())
			.isEqualTo("bytes");
		assertThat(this.registry.get("runtime.threads.growth.rate").gauge().value()).isNaN();
		assertThat(this.registry.find("runtime.process.resident.memory").gauge()).isNotNull();
		assertThat(this.registry.find("runtime.container.memory.limit").gauge()).isNotNull();
		assertThat(this.registry.find("runtime.memory.heap.after.gc").gauge()).isNotNull();
	}

	@Test
	void workingSetAndLiveSetGaugesReadTheEvaluation() {
		SettableMonitorView monitor = new SettableMonitorView();
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

		Readings readings = monitor
			.tick(atSeconds(3600).heap(300 * MIB, 1024 * MIB)
				.liveSetEveryMinute(liveSetGrowingAMibAMinute(16))
				.container(1024 * MIB, 500 * MIB, 400 * MIB))
			.readings();

		assertThat(workingSet.value()).isEqualTo(readings.memory().containerWorkingSetBytes()).isEqualTo(400.0 * MIB);
		assertThat(gauge(registry, "runtime.container.memory.usage", "runtime_container_memory_usage_bytes").value())
			.isEqualTo(500.0 * MIB);
		assertThat(liveSet.value()).isEqualTo(readings.heap().liveSetBytes()).isEqualTo(115.0 * MIB);
		assertThat(growth.value()).isEqualTo(readings.heap().liveSetGrowthBytesPerSecond())
			.isCloseTo(MIB / 60.0, within(1e-6));
	}

	@Test
	void workingSetAndLiveSetGaugesAreNaNWhileUnknown() {
		// A group without memory.stat, and live-set points that span five minutes: too
		// short a time for a trend.
		SettableMonitorView monitor = new SettableMonitorView();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new RuntimeMeters(monitor).bindTo(registry);
		monitor.tick(atSeconds(3600).heap(300 * MIB, 1024 * MIB)
			.liveSetEveryMinute(liveSetGrowingAMibAMinute(6))
			.container(1024 * MIB, 500 * MIB));
		assertThat(registry.get("runtime.container.memory.working.set").gauge().value()).isNaN();
		assertThat(registry.get("runtime.container.memory.usage").gauge().value()).isEqualTo(500.0 * MIB);
		assertThat(registry.get("runtime.memory.heap.live.set").gauge().value()).isEqualTo(105.0 * MIB);
		assertThat(registry.get("runtime.memory.heap.live.set.growth").gauge().value()).isNaN();

		SettableMonitorView outsideAGroup = new SettableMonitorView();
		SimpleMeterRegistry outside = new SimpleMeterRegistry();
		new RuntimeMeters(outsideAGroup).bindTo(outside);
		outsideAGroup.tick(atSeconds(3600).heap(300 * MIB, 1024 * MIB));
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
	 * The old generation's usage at live-set points one a minute apart, from 100 MiB
	 * growing a MiB a minute.
	 */
	private static long[] liveSetGrowingAMibAMinute(int points) {
		long[] bytes = new long[points];
		for (int i = 0; i < points; i++) {
			bytes[i] = (100 + i) * MIB;
		}
		return bytes;
	}

}
