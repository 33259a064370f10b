package dev.runtimemonitor.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Probe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the runtime monitor. Unknown properties under the prefix fail
 * start-up, so that a misspelt check name is never silently ignored.
 */
@ConfigurationProperties(prefix = "runtime-monitor", ignoreUnknownFields = false)
public class RuntimeMonitorProperties implements Validator {

	/**
	 * Whether to sample, evaluate and publish the runtime checks. When false the service
	 * is a plain Spring Boot service with its usual JVM metrics.
	 */
	private boolean enabled = true;

	/**
	 * Time between two samples of the JVM.
	 */
	private Duration interval = Duration.ofSeconds(5);

	/**
	 * Time span over which thread growth and GC overhead are computed. At least two
	 * intervals.
	 */
	private Duration window = Duration.ofMinutes(5);

	/**
	 * Time between two searches for deadlocked threads. The search stops every thread for
	 * a fraction of a millisecond, so it runs less often than sampling.
	 */
	private Duration deadlockInterval = Duration.ofSeconds(30);

	/**
	 * Least time between two log lines about a check that stays critical.
	 */
	private Duration criticalReminder = Duration.ofMinutes(5);

	/**
	 * Where GC pauses come from: jfr (Flight Recorder event streaming, nanosecond
	 * precision; falls back to notifications when Flight Recorder is unavailable) or
	 * notifications (GC notifications, whole milliseconds).
	 */
	private PauseEvents gcPauseSource = PauseEvents.JFR;

	/**
	 * Samples kept for /runtime/history and the dashboard, one compact point per
	 * interval: 720 is an hour at the default 5s interval. At least 1; the window rates
	 * keep the samples they need on their own.
	 */
	private int historySize = 720;

	/**
	 * The checks, each with its thresholds, sustain and probe.
	 */
	private final Checks checks = new Checks();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public Duration getDeadlockInterval() {
		return this.deadlockInterval;
	}

	public void setDeadlockInterval(Duration deadlockInterval) {
		this.deadlockInterval = deadlockInterval;
	}

	public Duration getCriticalReminder() {
		return this.criticalReminder;
	}

	public void setCriticalReminder(Duration criticalReminder) {
		this.criticalReminder = criticalReminder;
	}

	public PauseEvents getGcPauseSource() {
		return this.gcPauseSource;
	}

	public void setGcPauseSource(PauseEvents gcPauseSource) {
		this.gcPauseSource = gcPauseSource;
	}

	public int getHistorySize() {
		return this.historySize;
	}

	public void setHistorySize(int historySize) {
		this.historySize = historySize;
	}

	public Checks getChecks() {
		return this.checks;
	}

	@Override
	public boolean supports(Class<?> type) {
		return RuntimeMonitorProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		RuntimeMonitorProperties properties = (RuntimeMonitorProperties) target;
		requirePositive("interval", properties.interval, errors);
		requirePositive("deadlockInterval", properties.deadlockInterval, errors);
		requirePositive("criticalReminder", properties.criticalReminder, errors);
		if (isPositive(properties.interval) && properties.window.compareTo(properties.interval.multipliedBy(2)) < 0) {
			errors.rejectValue("window", "tooShort", "must be at least two intervals (" + properties.interval + ")");
		}
		if (properties.historySize < 1) {
			errors.rejectValue("historySize", "tooSmall", "must be at least 1");
		}
		properties.checks.byCheck().forEach((check, settings) -> validateCheck(check, settings, errors));
	}

	private static <T> void validateCheck(Check check, CheckProperties<T> settings, Errors errors) {
		String path = "checks." + check.id() + ".";
		T warning = settings.getWarning();
		T critical = settings.getCritical();
		if (warning != null) {
			settings.validateThreshold(path + "warning", warning, errors);
		}
		if (critical != null) {
			settings.validateThreshold(path + "critical", critical, errors);
		}
		if (warning != null && critical != null && settings.baseUnitOf(warning) > settings.baseUnitOf(critical)) {
			errors.rejectValue(path + "warning", "aboveCritical",
					"must not be above critical (" + settings.describe(critical) + ")");
		}
		if (settings.getSustain().isNegative()) {
			errors.rejectValue(path + "sustain", "negative", "must be zero or more");
		}
	}

	private static void requirePositive(String field, Duration value, Errors errors) {
		if (!isPositive(value)) {
			errors.rejectValue(field, "notPositive", "must be more than zero");
		}
	}

	private static boolean isPositive(Duration value) {
		return !value.isNegative() && !value.isZero();
	}

	/**
	 * Where GC pauses come from.
	 */
	public enum PauseEvents {

		/** Flight Recorder event streaming, nanosecond precision. */
		JFR,

		/** GC notifications, whole milliseconds. */
		NOTIFICATIONS

	}

	/**
	 * The checks. The ones that feed liveness wait 60s before their level rises, so that
	 * only a lasting problem restarts a pod; the others 15s.
	 */
	public static class Checks {

		private static final Duration LIVENESS_SUSTAIN = Duration.ofSeconds(60);

		private static final Duration SUSTAIN = Duration.ofSeconds(15);

		/**
		 * Live platform threads: too many threads, or a leak that keeps adding them.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Count threads = new CheckProperties.Count(1000L, 5000L, LIVENESS_SUSTAIN,
				Probe.LIVENESS);

		/**
		 * Net live-thread growth per second over the window: an early sign of a thread
		 * leak.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Rate threadGrowth = new CheckProperties.Rate(1.0, 10.0, SUSTAIN, Probe.NONE);

		/**
		 * Heap in use right after the last garbage collection over the maximum heap: the
		 * JVM's real memory pressure.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Ratio heap = new CheckProperties.Ratio(0.80, 0.95, LIVENESS_SUSTAIN,
				Probe.LIVENESS);

		/**
		 * Heap in use now, in bytes. Off by default: the heap check judges pressure
		 * better.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Size heapUsed = new CheckProperties.Size(false, DataSize.ofGigabytes(1),
				DataSize.ofGigabytes(4), SUSTAIN, Probe.NONE);

		/**
		 * The 99th percentile GC pause over the window. 200ms is G1's default pause goal.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Time gcPause = new CheckProperties.Time(Duration.ofMillis(200),
				Duration.ofSeconds(1), SUSTAIN, Probe.READINESS);

		/**
		 * Share of wall time spent in garbage-collection pauses over the window.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Ratio gcOverhead = new CheckProperties.Ratio(0.05, 0.25, SUSTAIN,
				Probe.READINESS);

		/**
		 * Deadlocked threads. Critical from the first one: a deadlock never clears.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Count deadlock = new CheckProperties.Count(null, 1L, LIVENESS_SUSTAIN,
				Probe.LIVENESS);

		/**
		 * Resident memory over the container's memory limit: the risk of an OOM kill.
		 * Unknown when there is no limit.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Ratio containerMemory = new CheckProperties.Ratio(0.85, 0.95, SUSTAIN,
				Probe.READINESS);

		/**
		 * Metaspace in use over -XX:MaxMetaspaceSize. Unknown when no maximum is set.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Ratio metaspace = new CheckProperties.Ratio(0.80, 0.95, SUSTAIN, Probe.NONE);

		/**
		 * Direct buffer memory over -XX:MaxDirectMemorySize.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Ratio directMemory = new CheckProperties.Ratio(0.80, 0.95, SUSTAIN, Probe.NONE);

		/**
		 * Open file descriptors over the process's limit.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Ratio fileDescriptors = new CheckProperties.Ratio(0.80, 0.95, SUSTAIN,
				Probe.NONE);

		/**
		 * Age of the last good sample: the monitor watching itself. Critical defaults to
		 * three intervals. No sustain by default, since the age already is a duration.
		 */
		@NestedConfigurationProperty
		private final CheckProperties.Time sampler = new CheckProperties.Time(null, null, Duration.ZERO,
				Probe.LIVENESS);

		public CheckProperties.Count getThreads() {
			return this.threads;
		}

		public CheckProperties.Rate getThreadGrowth() {
			return this.threadGrowth;
		}

		public CheckProperties.Ratio getHeap() {
			return this.heap;
		}

		public CheckProperties.Size getHeapUsed() {
			return this.heapUsed;
		}

		public CheckProperties.Time getGcPause() {
			return this.gcPause;
		}

		public CheckProperties.Ratio getGcOverhead() {
			return this.gcOverhead;
		}

		public CheckProperties.Count getDeadlock() {
			return this.deadlock;
		}

		public CheckProperties.Ratio getContainerMemory() {
			return this.containerMemory;
		}

		public CheckProperties.Ratio getMetaspace() {
			return this.metaspace;
		}

		public CheckProperties.Ratio getDirectMemory() {
			return this.directMemory;
		}

		public CheckProperties.Ratio getFileDescriptors() {
			return this.fileDescriptors;
		}

		public CheckProperties.Time getSampler() {
			return this.sampler;
		}

		/**
		 * Every check's settings.
		 * @return the settings by check, in check order
		 */
		Map<Check, CheckProperties<?>> byCheck() {
			Map<Check, CheckProperties<?>> byCheck = new LinkedHashMap<>();
			byCheck.put(Check.THREADS, this.threads);
			byCheck.put(Check.THREAD_GROWTH, this.threadGrowth);
			byCheck.put(Check.HEAP, this.heap);
			byCheck.put(Check.HEAP_USED, this.heapUsed);
			byCheck.put(Check.GC_PAUSE, this.gcPause);
			byCheck.put(Check.GC_OVERHEAD, this.gcOverhead);
			byCheck.put(Check.DEADLOCK, this.deadlock);
			byCheck.put(Check.CONTAINER_MEMORY, this.containerMemory);
			byCheck.put(Check.METASPACE, this.metaspace);
			byCheck.put(Check.DIRECT_MEMORY, this.directMemory);
			byCheck.put(Check.FILE_DESCRIPTORS, this.fileDescriptors);
			byCheck.put(Check.SAMPLER, this.sampler);
			return byCheck;
		}

	}

}
