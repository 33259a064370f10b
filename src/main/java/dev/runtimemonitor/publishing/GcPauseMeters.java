package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.sampling.gc.ConcurrentCycle;
import dev.runtimemonitor.sampling.gc.GcEventListener;
import dev.runtimemonitor.sampling.gc.GcPause;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The GC pause meters: a histogram of every pause with nanosecond precision, the time of
 * concurrent cycles kept apart, and gauges of the window figures. Spring Boot's own
 * {@code jvm.gc.pause} (whole milliseconds, from notifications) stays as it is; this
 * histogram has its own name.
 * <p>
 * In Prometheus: <pre>
 * runtime_gc_pause_seconds_bucket{collector="G1New",kind="young",le="0.005"} 12
 * runtime_gc_pause_seconds_count{collector="G1New",kind="young"} 14
 * runtime_gc_concurrent_seconds_sum{collector="ZGC Minor"} 0.118
 * runtime_gc_pause_window_seconds{phi="0.99"} 0.0062
 * runtime_gc_overhead 0.0013
 * runtime_gc_collection_rate 0.4
 * runtime_gc_last_pause_timestamp_seconds 1.795804327E9
 * </pre>
 */
public final class GcPauseMeters implements MeterBinder, GcEventListener {

	/** From 0.1 ms, below which a pause stops nothing worth counting, up to 10 s. */
	static final Duration[] BUCKETS = { Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
			Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10) };

	private static final Map<String, ToDoubleFunction<Readings.Gc>> WINDOW_QUANTILES = Map.of("0.5",
			Readings.Gc::p50Seconds, "0.9", Readings.Gc::p90Seconds, "0.99", Readings.Gc::p99Seconds, "1.0",
			Readings.Gc::maxSeconds);

	private final MonitorView monitor;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Create the meters.
	 * @param monitor the monitor whose evaluations the window gauges read
	 */
	public GcPauseMeters(MonitorView monitor) {
		this.monitor = monitor;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		WINDOW_QUANTILES.forEach((quantile, seconds) -> Gauge
			.builder("runtime.gc.pause.window", this.monitor,
					RuntimeMeters.reading((readings) -> seconds.applyAsDouble(readings.gc())))
			.tag("phi", quantile)
			.baseUnit("seconds")
			.description("GC pause percentiles over the window; phi 1.0 is the longest pause")
			.register(registry));
		Gauge
			.builder("runtime.gc.overhead", this.monitor, RuntimeMeters.reading((readings) -> readings.gc().overhead()))
			.description("Share of wall time spent in GC pauses over the window, from every pause to the nanosecond "
					+ "(jvm.gc.overhead estimates it from the collectors' accumulated times, concurrent cycles included)")
			.register(registry);
		Gauge
			.builder("runtime.gc.collection.rate", this.monitor,
					RuntimeMeters.reading((readings) -> readings.gc().collectionsPerSecond()))
			.description("Garbage collections completed per second over the window")
			.register(registry);
		Gauge
			.builder("runtime.gc.last.pause.timestamp", this.monitor,
					RuntimeMeters.reading((readings) -> readings.gc().lastPauseEnd()))
			.baseUnit("seconds")
			.description("When the most recent GC pause ended, in seconds since the epoch")
			.register(registry);
		this.registries.add(registry);
	}

	@Override
	public void onPause(GcPause pause) {
		for (MeterRegistry registry : this.registries) {
			Timer.builder("runtime.gc.pause")
				.tags("collector", pause.collector(), "kind", pause.kind())
				.serviceLevelObjectives(BUCKETS)
				.description("GC pauses, each one with nanosecond precision; concurrent cycles are not in it")
				.register(registry)
				.record(pause.durationNanos(), TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void onConcurrentCycle(ConcurrentCycle cycle) {
		for (MeterRegistry registry : this.registries) {
			Timer.builder("runtime.gc.concurrent")
				.tags("collector", cycle.collector())
				.description("Wall time of concurrent GC cycles, which run beside the application")
				.register(registry)
				.record(cycle.durationNanos(), TimeUnit.NANOSECONDS);
		}
	}

}
