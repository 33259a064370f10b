package dev.runtimemonitor.publishing;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Collections;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.monitor.MonitorView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterConvention;
import io.micrometer.core.instrument.binder.jvm.convention.JvmCpuMeterConventions;
import io.micrometer.core.instrument.binder.jvm.convention.micrometer.MicrometerJvmCpuMeterConventions;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer's processor meters, with the two whose reads grow with the thread count
 * served from the monitor's ticks instead of read at each scrape. On Linux,
 * {@code getProcessCpuTime} and {@code getProcessCpuLoad} make the kernel add up the CPU
 * time of every thread of the process: at 10,000 threads about 1 ms and 2 to 4 ms, most
 * of what a scrape then costs. The tick reads the process CPU time anyway, once per
 * interval; here a scrape reads what the tick read.
 * <p>
 * The meters are Micrometer's, with the same names, tags, descriptions and base units
 * (under the given {@link JvmCpuMeterConventions}, Micrometer's own by default):
 * <ul>
 * <li>{@code system.cpu.count}, {@code system.load.average.1m} and
 * {@code system.cpu.usage} read the JVM at each scrape, as Micrometer does: none of them
 * grows with the threads.
 * <li>{@code process.cpu.time} is the process CPU time as of the last tick.
 * <li>{@code process.cpu.usage} is the CPU time the process used between the last two
 * ticks over their wall time times the processors available to the JVM. The JVM's
 * {@code getProcessCpuLoad}, which Micrometer reads, covers the time since anyone last
 * called it (two scrapers, or a scraper and a JMX console, each see a share of the
 * other's interval) and divides by the host's CPUs, or in a container by its quota; this
 * covers one tick interval, whoever reads it, and divides by
 * {@link Runtime#availableProcessors()}. So it is not clamped: a JVM told it has fewer
 * processors than it runs on ({@code -XX:ActiveProcessorCount}) can read above 1.
 * </ul>
 * Both tick meters are {@code NaN} before there are ticks enough (one for the time, two
 * for the usage) and while a tick they depend on could not read the CPU time. Like
 * Micrometer's, the three CPU meters are registered only where the JVM's operating-system
 * bean reports CPU figures ({@code com.sun.management.OperatingSystemMXBean}), and the
 * load average only where the platform has one.
 */
public final class SampledProcessorMetrics extends ProcessorMetrics {

	private final Tags extraTags;

	private final JvmCpuMeterConventions conventions;

	private final MonitorView monitor;

	private final OperatingSystemMXBean os;

	/** Computed once per tick, on the sampling thread; scrapes only read it. */
	private volatile double usage = Double.NaN;

	/**
	 * Create the meters.
	 * @param monitor the monitor whose ticks read the process CPU time
	 */
	public SampledProcessorMetrics(MonitorView monitor) {
		this(monitor, Collections.emptyList());
	}

	/**
	 * Create the meters with tags of their own.
	 * @param monitor the monitor whose ticks read the process CPU time
	 * @param extraTags tags added to every meter
	 */
	public SampledProcessorMetrics(MonitorView monitor, Iterable<Tag> extraTags) {
		this(monitor, extraTags, new MicrometerJvmCpuMeterConventions(Tags.of(extraTags)));
	}

	/**
	 * Create the meters named by the given conventions, as Micrometer's
	 * {@link ProcessorMetrics#ProcessorMetrics(Iterable, JvmCpuMeterConventions)} does.
	 * @param monitor the monitor whose ticks read the process CPU time
	 * @param extraTags tags added to the meters the conventions do not name
	 * @param conventions the names and tags of the CPU count, time and usage meters
	 */
	public SampledProcessorMetrics(MonitorView monitor, Iterable<? extends Tag> extraTags,
			JvmCpuMeterConventions conventions) {
		this(monitor, extraTags, conventions, ManagementFactory.getOperatingSystemMXBean());
	}

	SampledProcessorMetrics(MonitorView monitor, Iterable<? extends Tag> extraTags, JvmCpuMeterConventions conventions,
			OperatingSystemMXBean os) {
		super(extraTags, conventions);
		this.extraTags = Tags.of(extraTags);
		this.conventions = conventions;
		this.monitor = monitor;
		this.os = os;
		// A private listener, not this class as a MonitorListener: works without Spring,
		// and the monitor's lifecycle does not add it a second time.
		monitor.addListener(this::onTick);
	}

	private void onTick(Evaluation evaluation, @Nullable Evaluation previous) {
		this.usage = usage(evaluation.readings(), Runtime.getRuntime().availableProcessors());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MeterConvention<Object> count = this.conventions.cpuCountConvention();
		Gauge.builder(count.getName(), Runtime.getRuntime(), Runtime::availableProcessors)
			.tags(count.getTags(null))
			.description("The number of processors available to the Java virtual machine")
			.register(registry);
		if (this.os.getSystemLoadAverage() >= 0) {
			Gauge.builder("system.load.average.1m", this.os, OperatingSystemMXBean::getSystemLoadAverage)
				.tags(this.extraTags)
				.description("The sum of the number of runnable entities queued to available processors and the "
						+ "number of runnable entities running on the available processors averaged over a period "
						+ "of time")
				.register(registry);
		}
		if (!(this.os instanceof com.sun.management.OperatingSystemMXBean cpu)) {
			return;
		}
		Gauge.builder("system.cpu.usage", cpu, com.sun.management.OperatingSystemMXBean::getCpuLoad)
			.tags(this.extraTags)
			.description("The \"recent cpu usage\" of the system the application is running in")
			.register(registry);
		MeterConvention<Object> load = this.conventions.processCpuLoadConvention();
		Gauge.builder(load.getName(), this, (metrics) -> metrics.usage)
			.tags(load.getTags(null))
			.description("The \"recent cpu usage\" for the Java Virtual Machine process")
			.register(registry);
		MeterConvention<Object> time = this.conventions.cpuTimeConvention();
		FunctionCounter.builder(time.getName(), this.monitor, SampledProcessorMetrics::cpuTime)
			.tags(time.getTags(null))
			.description("The \"cpu time\" used by the Java Virtual Machine process")
			.baseUnit("ns")
			.register(registry);
	}

	private static double cpuTime(MonitorView monitor) {
		Evaluation evaluation = monitor.latest();
		return (evaluation != null) ? evaluation.readings().cpu().processNanos() : Double.NaN;
	}

	/**
	 * The share of the available processors the process used between a tick and the one
	 * before it.
	 * @param readings the tick's readings
	 * @param processors the processors available to the JVM
	 * @return the share, {@code NaN} when either tick lacks the CPU time
	 */
	static double usage(Readings readings, int processors) {
		return (processors > 0) ? readings.cpu().processSecondsPerSecond() / processors : Double.NaN;
	}

}
