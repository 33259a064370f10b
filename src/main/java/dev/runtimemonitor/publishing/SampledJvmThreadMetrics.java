package dev.runtimemonitor.publishing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.Locale;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.monitor.MonitorView;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;

/**
 * Micrometer's thread meters, with the per-state counts read from the monitor's last tick
 * instead of from every thread's {@code ThreadInfo} at each scrape. Micrometer's
 * {@link JvmThreadMetrics} reads all threads' {@code ThreadInfo} once per state gauge, so
 * one scrape walks the threads six times: at 10,000 threads that is most of what a scrape
 * costs. Here the sampler counts the states once per tick and the gauges read that count;
 * a scrape walks nothing.
 * <p>
 * The meters are Micrometer's, with the same names, tags, descriptions and base units, so
 * dashboards and alerts keep working: {@code jvm.threads.live}, {@code .daemon},
 * {@code .peak} and {@code .started} read the {@link ThreadMXBean} at each scrape as
 * Micrometer does (each read is a counter the JVM keeps); {@code jvm.threads.states} is
 * as of the last tick, and {@code NaN} before the first tick and while the last tick
 * could not count the states.
 * <p>
 * In Prometheus: <pre>
 * jvm_threads_live_threads 10028.0
 * jvm_threads_states_threads{state="waiting"} 10012.0
 * jvm_threads_states_threads{state="timed-waiting"} 7.0
 * </pre>
 */
public final class SampledJvmThreadMetrics extends JvmThreadMetrics {

	private static final Thread.State[] STATES = Thread.State.values();

	private final MonitorView monitor;

	private final Tags extraTags;

	/**
	 * Create the meters.
	 * @param monitor the monitor whose ticks count the threads by state
	 */
	public SampledJvmThreadMetrics(MonitorView monitor) {
		this(monitor, Collections.emptyList());
	}

	/**
	 * Create the meters with tags of their own.
	 * @param monitor the monitor whose ticks count the threads by state
	 * @param extraTags tags added to every meter
	 */
	public SampledJvmThreadMetrics(MonitorView monitor, Iterable<Tag> extraTags) {
		super(extraTags);
		this.monitor = monitor;
		this.extraTags = Tags.of(extraTags);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
		Gauge.builder("jvm.threads.peak", threadBean, ThreadMXBean::getPeakThreadCount)
			.tags(this.extraTags)
			.description("The peak live thread count since the Java virtual machine started or peak was reset")
			.baseUnit(BaseUnits.THREADS)
			.register(registry);
		Gauge.builder("jvm.threads.daemon", threadBean, ThreadMXBean::getDaemonThreadCount)
			.tags(this.extraTags)
			.description("The current number of live daemon threads")
			.baseUnit(BaseUnits.THREADS)
			.register(registry);
		Gauge.builder("jvm.threads.live", threadBean, ThreadMXBean::getThreadCount)
			.tags(this.extraTags)
			.description("The current number of live threads including both daemon and non-daemon threads")
			.baseUnit(BaseUnits.THREADS)
			.register(registry);
		FunctionCounter.builder("jvm.threads.started", threadBean, ThreadMXBean::getTotalStartedThreadCount)
			.tags(this.extraTags)
			.description("The total number of application threads started in the JVM")
			.baseUnit(BaseUnits.THREADS)
			.register(registry);
		for (Thread.State state : STATES) {
			Gauge.builder("jvm.threads.states", this.monitor, (monitor) -> count(monitor, state))
				.tags(this.extraTags.and("state", stateTag(state)))
				.description("The current number of threads")
				.baseUnit(BaseUnits.THREADS)
				.register(registry);
		}
	}

	private static double count(MonitorView monitor, Thread.State state) {
		Evaluation evaluation = monitor.latest();
		return (evaluation != null) ? evaluation.readings().threadsByState().count(state) : Double.NaN;
	}

	static String stateTag(Thread.State state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
