package dev.runtimemonitor.publishing;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.ContainerClimb;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.ProcessFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.testsupport.MeterDescriptions;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.convention.micrometer.MicrometerJvmCpuMeterConventions;
import io.micrometer.core.instrument.binder.jvm.convention.otel.OpenTelemetryJvmCpuMeterConventions;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampledProcessorMetricsTests {

	private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final Map<String, AtomicInteger> osCalls = new ConcurrentHashMap<>();

	private final SettableMonitorView monitor = new SettableMonitorView();

	@BeforeEach
	void bind() {
		new SampledProcessorMetrics(this.monitor, Tags.empty(), new MicrometerJvmCpuMeterConventions(Tags.empty()),
				countingOperatingSystemBean())
			.bindTo(this.registry);
	}

	@Test
	void registersTheMetersOfMicrometersProcessorMetrics() {
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		new ProcessorMetrics().bindTo(micrometers);
		assertThat(MeterDescriptions.of(this.registry)).isEqualTo(MeterDescriptions.of(micrometers))
			.contains("process.cpu.time [] COUNTER ns 'The \"cpu time\" used by the Java Virtual Machine process'",
					"process.cpu.usage [] GAUGE null 'The \"recent cpu usage\" for the Java Virtual Machine process'");
	}

	@Test
	void registersTheMetersOfMicrometersProcessorMetricsWithExtraTags() {
		SimpleMeterRegistry ours = new SimpleMeterRegistry();
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		new SampledProcessorMetrics(this.monitor, Tags.of("app", "a")).bindTo(ours);
		new ProcessorMetrics(Tags.of("app", "a")).bindTo(micrometers);
		assertThat(MeterDescriptions.of(ours)).isEqualTo(MeterDescriptions.of(micrometers));
	}

	@Test
	void registersTheMetersOfMicrometersProcessorMetricsUnderOtherConventions() {
		SimpleMeterRegistry ours = new SimpleMeterRegistry();
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		new SampledProcessorMetrics(this.monitor, Tags.of("app", "a"),
				new OpenTelemetryJvmCpuMeterConventions(Tags.of("app", "b")))
			.bindTo(ours);
		new ProcessorMetrics(Tags.of("app", "a"), new OpenTelemetryJvmCpuMeterConventions(Tags.of("app", "b")))
			.bindTo(micrometers);
		assertThat(MeterDescriptions.of(ours)).isEqualTo(MeterDescriptions.of(micrometers))
			.anyMatch((meter) -> meter.startsWith("jvm.cpu.time"));
	}

	@Test
	void bothTickMetersAreNaNBeforeTheFirstTick() {
		assertThat(cpuTime()).isNaN();
		assertThat(usage()).isNaN();
	}

	@Test
	void cpuTimeIsThatOfTheLastTickAndUsageNeedsTwoTicks() {
		tick(0, 1_000_000_000L);
		assertThat(cpuTime()).isEqualTo(1_000_000_000);
		assertThat(usage()).isNaN();
		tick(5, 1_000_000_000L + 5_000_000_000L * PROCESSORS / 4);
		assertThat(cpuTime()).isEqualTo(1_000_000_000 + 5_000_000_000.0 * PROCESSORS / 4);
		assertThat(usage()).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void usageIsOverTheLastTwoTicksOnly() {
		tick(0, 1_000_000_000L);
		tick(5, 1_000_000_000L + 5_000_000_000L * PROCESSORS);
		assertThat(usage()).isCloseTo(1, within(1e-9));
		tick(15, 1_000_000_000L + 5_000_000_000L * PROCESSORS);
		assertThat(usage()).isZero();
	}

	@Test
	void aScrapeNeverCallsTheOperatingSystemBeanForTheProcessCpu() {
		tick(0, 1_000_000_000L);
		tick(5, 2_000_000_000L);
		for (int i = 0; i < 100; i++) {
			// A Measurement reads its meter only when asked for its value.
			this.registry.getMeters().forEach((meter) -> meter.measure().forEach(Measurement::getValue));
		}
		assertThat(this.osCalls).doesNotContainKeys("getProcessCpuTime", "getProcessCpuLoad");
		assertThat(this.osCalls.get("getCpuLoad")).as("the system CPU is read per scrape, as Micrometer does")
			.hasValueGreaterThanOrEqualTo(100);
	}

	@Test
	void aFailedReadLeavesBothNaNNotStaleUntilTwoGoodTicksFollow() {
		tick(0, 1_000_000_000L);
		tick(5, 1_000_000_000L);
		assertThat(usage()).isZero();
		// A read that fails leaves the process figures out of the tick's snapshot.
		this.monitor.tick(atSeconds(10));
		assertThat(cpuTime()).isNaN();
		assertThat(usage()).isNaN();
		tick(15, 2_000_000_000L);
		assertThat(cpuTime()).isEqualTo(2_000_000_000);
		assertThat(usage()).isNaN();
		tick(20, 2_000_000_000L);
		assertThat(usage()).isZero();
	}

	@Test
	void anUnsupportedCpuTimeIsNaN() {
		tick(0, -1);
		tick(5, -1);
		assertThat(cpuTime()).isNaN();
		assertThat(usage()).isNaN();
	}

	@Test
	void usageNeedsTimeToHavePassed() {
		assertThat(SampledProcessorMetrics.usage(readings(snapshot(0, 0), snapshot(0, 100)), 2)).isNaN();
		assertThat(SampledProcessorMetrics.usage(readings(snapshot(0, 0), snapshot(10, 100)), 2)).isEqualTo(5);
		assertThat(SampledProcessorMetrics.usage(Readings.of(snapshot(10, 100)), 2)).isNaN();
	}

	private void tick(long second, long cpuTimeNanos) {
		this.monitor.tick(atSeconds(second).cpuTime(cpuTimeNanos));
	}

	private double cpuTime() {
		return this.registry.get("process.cpu.time").functionCounter().count();
	}

	private double usage() {
		return this.registry.get("process.cpu.usage").gauge().value();
	}

	private static Readings readings(RuntimeSnapshot before, RuntimeSnapshot now) {
		return Readings.of(now, before, ContainerClimb.NONE, null, 0);
	}

	private static RuntimeSnapshot snapshot(long monotonicNanos, long cpuTimeNanos) {
		return new RuntimeSnapshot(Instant.EPOCH, monotonicNanos, 0, null, null, null, null, null, null, null,
				new ProcessFigures(cpuTimeNanos, 0, 0, 0, 0), null, null, null);
	}

	/** The platform's bean, counting every call by method name. */
	private OperatingSystemMXBean countingOperatingSystemBean() {
		OperatingSystemMXBean platform = ManagementFactory.getOperatingSystemMXBean();
		return (OperatingSystemMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { com.sun.management.OperatingSystemMXBean.class }, (proxy, method, args) -> {
					this.osCalls.computeIfAbsent(method.getName(), (name) -> new AtomicInteger()).incrementAndGet();
					try {
						return method.invoke(platform, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
