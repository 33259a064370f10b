package dev.runtimemonitor.publishing;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.sampling.SampleErrors;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The monitor's own meters: every check's value, level and thresholds, so that alerts
 * judge the same numbers as the health endpoint; the cost and failures of sampling; and
 * the figures Micrometer's JVM binders lack. Every gauge reads the last tick's
 * evaluation; none of them samples.
 * <p>
 * In Prometheus: <pre>
 * runtime_check_value{check="threads"} 42.0
 * runtime_check_level{check="threads"} 0.0
 * runtime_check_threshold{check="threads",level="warning"} 1000.0
 * runtime_check_threshold{check="threads",level="critical"} 5000.0
 * runtime_sample_duration_seconds_count 12
 * runtime_sample_errors_total{source="memory"} 0.0
 * runtime_memory_allocated_bytes_total 1.234E8
 * runtime_container_memory_working_set_bytes 3.1E8
 * </pre>
 */
public final class RuntimeMeters implements MeterBinder, MonitorListener {

	private final MonitorView monitor;

	private volatile @Nullable Timer sampleDuration;

	/**
	 * Create the meters of a monitor.
	 * @param monitor the monitor whose evaluations they read
	 */
	public RuntimeMeters(MonitorView monitor) {
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (CheckPolicy policy : this.monitor.policies()) {
			bindCheck(registry, policy);
		}
		bindSampling(registry);
		bindFigures(registry);
	}

	private void bindCheck(MeterRegistry registry, CheckPolicy policy) {
		Check check = policy.check();
		Tags tags = Tags.of("check", check.id());
		Gauge.builder("runtime.check.value", this.monitor, (monitor) -> value(monitor, check))
			.tags(tags)
			.description("The value the check judged at the last sample, in the check's unit")
			.register(registry);
		Gauge.builder("runtime.check.level", this.monitor, (monitor) -> level(monitor, check))
			.tags(tags)
			.description("The check's level: 0 ok, 1 warning, 2 critical; NaN when unknown")
			.register(registry);
		if (policy.hasWarning()) {
			Gauge.builder("runtime.check.threshold", policy, CheckPolicy::warning)
				.tags(tags.and("level", "warning"))
				.description("The value at or above which the check is at this level")
				.register(registry);
		}
		if (policy.hasCritical()) {
			Gauge.builder("runtime.check.threshold", policy, CheckPolicy::critical)
				.tags(tags.and("level", "critical"))
				.description("The value at or above which the check is at this level")
				.register(registry);
		}
	}

	private void bindSampling(MeterRegistry registry) {
		this.sampleDuration = Timer.builder("runtime.sample.duration")
			.description("Time taken to read the JVM's sources at each tick")
			.register(registry);
		SampleErrors errors = this.monitor.sampleErrors();
		for (String source : errors.sources()) {
			FunctionCounter.builder("runtime.sample.errors", errors, (counts) -> counts.count(source))
				.tag("source", source)
				.description("Reads of a source that failed, plus one when the platform lacks it")
				.register(registry);
		}
		FunctionCounter.builder("runtime.sample.errors", this.monitor, MonitorView::failedTicks)
			.tag("source", "tick")
			.description("Reads of a source that failed, plus one when the platform lacks it")
			.register(registry);
	}

	private void bindFigures(MeterRegistry registry) {
		FunctionCounter
			.builder("runtime.memory.allocated", this.monitor, reading((readings) -> readings.gc().allocatedBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Bytes allocated on the heap by all threads since the JVM started, counted per thread by the "
					+ "JVM at every sample (jvm.gc.memory.allocated counts young-generation growth between collections)")
			.register(registry);
		Gauge
			.builder("runtime.memory.heap.after.gc", this.monitor,
					reading((readings) -> readings.heap().usedAfterGcBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Heap in use right after the most recent garbage collection")
			.register(registry);
		Gauge
			.builder("runtime.memory.heap.live.set", this.monitor,
					reading((readings) -> readings.heap().liveSetBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Old-generation heap that survived the most recent collections that freed it: the live set")
			.register(registry);
		Gauge
			.builder("runtime.memory.heap.live.set.growth", this.monitor,
					reading((readings) -> readings.heap().liveSetGrowthBytesPerSecond()))
			.baseUnit("bytes.per.second")
			.description("How fast the live set grows, over up to the last half hour; NaN until it spans "
					+ Readings.Heap.GROWTH_MINIMUM_SPAN.toMinutes() + " minutes")
			.register(registry);
		Gauge
			.builder("runtime.process.resident.memory", this.monitor,
					reading((readings) -> readings.memory().residentBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Resident memory of the process: heap, native and code, as the kernel counts it")
			.register(registry);
		Gauge
			.builder("runtime.container.memory.limit", this.monitor,
					reading((readings) -> readings.memory().containerLimitBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Memory limit of the process's control group; NaN when there is none")
			.register(registry);
		Gauge
			.builder("runtime.container.memory.usage", this.monitor,
					reading((readings) -> readings.memory().containerUsageBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Memory used by the process's control group, page cache included")
			.register(registry);
		Gauge
			.builder("runtime.container.memory.working.set", this.monitor,
					reading((readings) -> readings.memory().containerWorkingSetBytes()))
			.baseUnit(BaseUnits.BYTES)
			.description("Memory used by the process's control group less its inactive file cache: what the kernel "
					+ "and the kubelet judge against the limit")
			.register(registry);
		Gauge
			.builder("runtime.threads.growth.rate", this.monitor,
					reading((readings) -> readings.threads().growthPerSecond()))
			.description("Net growth of live platform threads per second over the window")
			.register(registry);
	}

	/**
	 * A figure of the latest readings, {@code NaN} before the first sample.
	 * @param figure the figure
	 * @return what a gauge reads
	 */
	static ToDoubleFunction<MonitorView> reading(ToDoubleFunction<Readings> figure) {
		return (monitor) -> {
			Evaluation evaluation = monitor.latest();
			return (evaluation != null) ? figure.applyAsDouble(evaluation.readings()) : Double.NaN;
		};
	}

	private static double value(MonitorView monitor, Check check) {
		CheckResult result = result(monitor, check);
		return (result != null) ? result.value() : Double.NaN;
	}

	private static double level(MonitorView monitor, Check check) {
		CheckResult result = result(monitor, check);
		return (result != null) ? gauge(result.level()) : Double.NaN;
	}

	/**
	 * A level as a gauge reads it: 0 ok, 1 warning, 2 critical, {@code NaN} unknown.
	 */
	private static double gauge(Level level) {
		return switch (level) {
			case OK -> 0;
			case WARNING -> 1;
			case CRITICAL -> 2;
			case UNKNOWN -> Double.NaN;
		};
	}

	private static @Nullable CheckResult result(MonitorView monitor, Check check) {
		Evaluation evaluation = monitor.latest();
		return (evaluation != null) ? evaluation.result(check) : null;
	}

	@Override
	public void onEvaluation(Evaluation evaluation, @Nullable Evaluation previous) {
		Timer timer = this.sampleDuration;
		if (timer != null) {
			timer.record(evaluation.snapshot().durationNanos(), TimeUnit.NANOSECONDS);
		}
	}

}
