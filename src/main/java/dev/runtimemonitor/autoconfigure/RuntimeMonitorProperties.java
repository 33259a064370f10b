package dev.runtimemonitor.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.settings.MonitorSettings;
import dev.runtimemonitor.settings.MonitorSettings.ConfiguredCheck;
import dev.runtimemonitor.settings.SettingProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the runtime monitor, under {@code runtime-monitor}. Unknown properties
 * under the prefix fail start-up, so that a misspelt check name is never silently
 * ignored; so does a value that makes no sense, naming the property.
 *
 * @param enabled Whether to sample, evaluate and publish the runtime checks; when false
 * the application has none of the monitor's beans.
 * @param interval Time between two samples of the JVM.
 * @param window Time span over which thread growth, GC overhead and the pause percentiles
 * are computed; at least two intervals.
 * @param deadlockInterval Time between two searches for deadlocked threads; the search
 * stops every thread for a fraction of a millisecond, so it runs less often than
 * sampling.
 * @param criticalReminder Least time between two log lines about a check that stays
 * critical.
 * @param gcEvents Where GC pauses and collections come from: auto (the JVM's GC counters
 * where it has them, else Flight Recorder, else notifications), counters (the JVM's GC
 * counters, nanosecond precision at almost no cost), jfr (Flight Recorder event
 * streaming, nanosecond precision, about 11 MiB and a Flight Recorder thread) or
 * notifications (GC notifications, whole milliseconds); counters and jfr fall back to
 * notifications when unavailable.
 * @param historySize Samples kept for /runtime/history and the dashboard, one compact
 * point per interval: 720 is an hour at the default 5s interval; at least 1.
 * @param threadStates Whether to count live threads by state at each sample and serve
 * Micrometer's jvm.threads.states from those counts, so that a scrape never reads every
 * thread; false leaves Spring Boot's own thread meters in place.
 * @param processCpu Whether to serve Micrometer's process.cpu.time and process.cpu.usage
 * from the CPU time each sample reads, so that a scrape never makes the kernel add up
 * every thread's CPU time; false leaves Spring Boot's own processor meters in place.
 * @param checks The checks, each with its thresholds, sustain and probe.
 * @param evidence What a check captures when it rises to warning or critical, for the
 * engineer who reads the log or /runtime afterwards.
 */
@ConfigurationProperties(prefix = "runtime-monitor", ignoreUnknownFields = false)
public record RuntimeMonitorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
		@DefaultValue("5m") Duration window, @DefaultValue("30s") Duration deadlockInterval,
		@DefaultValue("5m") Duration criticalReminder, @DefaultValue("auto") GcEvents gcEvents,
		@DefaultValue("720") int historySize, @DefaultValue("true") boolean threadStates,
		@DefaultValue("true") boolean processCpu, @DefaultValue Checks checks,
		@DefaultValue EvidenceSettings evidence) implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return RuntimeMonitorProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		for (SettingProblem problem : ((RuntimeMonitorProperties) target).settings().problems()) {
			errors.rejectValue(problem.field(), problem.code(), problem.message());
		}
	}

	/**
	 * The settings these properties make, in the form the monitor and the agent share:
	 * thresholds in their check's base unit.
	 * @return the settings
	 */
	public MonitorSettings settings() {
		List<ConfiguredCheck> configured = new ArrayList<>();
		this.checks.byCheck().forEach((check, settings) -> configured.add(configured(check, settings)));
		return new MonitorSettings(this.enabled, this.interval, this.window, this.deadlockInterval,
				this.criticalReminder, GcEventSubscription.Source.valueOf(this.gcEvents.name()), this.historySize,
				this.threadStates, this.processCpu, configured, this.evidence.settings());
	}

	private static <T> ConfiguredCheck configured(Check check, CheckSettings<T> settings) {
		ThresholdType<T> type = ThresholdType.of(check, settings);
		CheckPolicy policy = new CheckPolicy(check, type.baseUnit(settings.warning()),
				type.baseUnit(settings.critical()), settings.sustain(), settings.probe());
		return new ConfiguredCheck(policy, settings.enabled());
	}

	/**
	 * Where GC pauses and collections come from.
	 */
	public enum GcEvents {

		/**
		 * The JVM's GC counters where it has them, else Flight Recorder, else
		 * notifications.
		 */
		AUTO,

		/** The JVM's GC counters, nanosecond precision. */
		COUNTERS,

		/** Flight Recorder event streaming, nanosecond precision. */
		JFR,

		/** GC notifications, whole milliseconds. */
		NOTIFICATIONS

	}

	/**
	 * The evidence settings, {@code runtime-monitor.evidence}. Evidence is what a check
	 * captures, once, on the monitor's thread, when it rises to warning or critical. It
	 * is logged as one event and kept for /runtime (shown where the health endpoint shows
	 * its details) until the check has been ok for a while. Nothing is captured while the
	 * checks are ok.
	 *
	 * @param enabled Whether to capture evidence at all; when false no capture runs and
	 * /runtime has no evidence.
	 * @param keepFor How long the latest evidence of a check stays in /runtime once the
	 * check is ok again; 0 drops it at once.
	 * @param repeatAfter Least time before a check that fell back rises to the same level
	 * again and captures again; until then it keeps the evidence it has, and a check that
	 * flaps around a threshold logs its evidence once. A rise to a higher level always
	 * captures.
	 * @param deadlocks The deadlocked threads, for the deadlock check.
	 * @param threadGroups The live threads grouped by name, for the threads and
	 * thread-growth checks.
	 * @param classHistogram The class histogram of live objects, for the heap,
	 * heap-growth and heap-used checks.
	 * @param gcPauses The longest GC pauses and the pause time by cause, for the gc-pause
	 * and gc-overhead checks.
	 * @param nativeMemory The native-memory summary, for the container-memory check.
	 */
	public record EvidenceSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration keepFor,
			@DefaultValue("5m") Duration repeatAfter, @DefaultValue Deadlocks deadlocks,
			@DefaultValue ThreadGroups threadGroups, @DefaultValue ClassHistogram classHistogram,
			@DefaultValue GcPauses gcPauses, @DefaultValue NativeMemory nativeMemory) {

		/**
		 * The deadlocked threads: each one's name, state, the lock it waits for and the
		 * thread that holds it, and its stack (32 frames), as jstack shows them. Two
		 * brief stops of the world, like the deadlock search itself.
		 *
		 * @param enabled Whether to capture the deadlocked threads.
		 */
		public record Deadlocks(@DefaultValue("true") boolean enabled) {
		}

		/**
		 * The live threads grouped by name with the numbers taken out (pool-7-thread-*),
		 * the largest groups, and the groups that grew since the thread checks were last
		 * ok. No stop of the world; about 20ms and 6MB of garbage at 10,000 threads.
		 *
		 * @param enabled Whether to capture the thread groups.
		 */
		public record ThreadGroups(@DefaultValue("true") boolean enabled) {
		}

		/**
		 * The classes whose live instances take the most bytes (jcmd GC.class_histogram).
		 * It runs a full collection and walks the heap with the application stopped:
		 * about a second on a 1GB heap.
		 *
		 * @param enabled Whether to capture the class histogram.
		 * @param minInterval Least time between two class histograms, whatever the checks
		 * do.
		 */
		public record ClassHistogram(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration minInterval) {
		}

		/**
		 * The longest GC pauses in the window with their collector, kind and cause, and
		 * the window's pause time by cause. Read from what the pause recorder keeps; no
		 * JVM call.
		 *
		 * @param enabled Whether to capture the GC pauses.
		 */
		public record GcPauses(@DefaultValue("true") boolean enabled) {
		}

		/**
		 * The Native Memory Tracking summary when the JVM runs with
		 * -XX:NativeMemoryTracking=summary, else the advice to turn it on. Under a
		 * millisecond.
		 *
		 * @param enabled Whether to capture the native-memory summary.
		 */
		public record NativeMemory(@DefaultValue("true") boolean enabled) {
		}

		/**
		 * The kinds switched on.
		 * @return the enabled kinds, none when evidence is off
		 */
		public Set<EvidenceKind> enabledKinds() {
			return settings().kinds();
		}

		MonitorSettings.Evidence settings() {
			Set<EvidenceKind> switchedOn = EnumSet.noneOf(EvidenceKind.class);
			addIf(switchedOn, this.deadlocks.enabled(), EvidenceKind.DEADLOCKS);
			addIf(switchedOn, this.threadGroups.enabled(), EvidenceKind.THREAD_GROUPS);
			addIf(switchedOn, this.classHistogram.enabled(), EvidenceKind.CLASS_HISTOGRAM);
			addIf(switchedOn, this.gcPauses.enabled(), EvidenceKind.GC_PAUSES);
			addIf(switchedOn, this.nativeMemory.enabled(), EvidenceKind.NATIVE_MEMORY);
			return new MonitorSettings.Evidence(this.enabled, switchedOn, this.keepFor, this.repeatAfter,
					this.classHistogram.minInterval());
		}

		private static void addIf(Set<EvidenceKind> kinds, boolean enabled, EvidenceKind kind) {
			if (enabled) {
				kinds.add(kind);
			}
		}

	}

	/**
	 * The checks, one record per {@link Check} under its id. The ones that feed liveness
	 * wait 60s before their level rises, so that only a lasting problem restarts a pod
	 * (all but the sampler, whose value already is a duration); the others 15s.
	 * <p>
	 * A component per check rather than a map by check: the configuration processor reads
	 * each check's defaults, types and descriptions from its record into the metadata
	 * IDEs complete from, and the binder refuses a misspelt check name.
	 * {@code ChecksPropertiesTests} fails when this record, {@link #byCheck()} or the
	 * list below misses a check.
	 *
	 * @param threads Live platform threads.
	 * @param threadGrowth Net live-thread growth per second over the window.
	 * @param heap Heap in use after the last collection over the maximum heap.
	 * @param heapGrowth Time until the heap's live set reaches the maximum heap at its
	 * growth.
	 * @param heapUsed Heap in use now, in bytes.
	 * @param gcPause The 99th percentile GC pause over the window.
	 * @param gcOverhead Share of wall time in GC pauses over the window.
	 * @param deadlock Deadlocked threads.
	 * @param containerMemory Memory in use over the container's memory limit.
	 * @param metaspace Metaspace in use over its maximum.
	 * @param directMemory Direct buffer memory over its maximum.
	 * @param fileDescriptors Open file descriptors over the process's limit.
	 * @param sampler Age of the last good sample.
	 */
	public record Checks(@DefaultValue Threads threads, @DefaultValue ThreadGrowth threadGrowth,
			@DefaultValue Heap heap, @DefaultValue HeapGrowth heapGrowth, @DefaultValue HeapUsed heapUsed,
			@DefaultValue GcPause gcPause, @DefaultValue GcOverhead gcOverhead, @DefaultValue Deadlock deadlock,
			@DefaultValue ContainerMemory containerMemory, @DefaultValue Metaspace metaspace,
			@DefaultValue DirectMemory directMemory, @DefaultValue FileDescriptors fileDescriptors,
			@DefaultValue Sampler sampler) {

		/**
		 * Every check's settings.
		 * @return the settings by check, in check order
		 */
		public Map<Check, CheckSettings<?>> byCheck() {
			Map<Check, CheckSettings<?>> byCheck = new LinkedHashMap<>();
			byCheck.put(Check.THREADS, this.threads);
			byCheck.put(Check.THREAD_GROWTH, this.threadGrowth);
			byCheck.put(Check.HEAP, this.heap);
			byCheck.put(Check.HEAP_GROWTH, this.heapGrowth);
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

		/**
		 * Live platform threads: too many threads, or a leak that keeps adding them.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (live platform threads) at or above which the check is
		 * at warning.
		 * @param critical The value (live platform threads) at or above which the check
		 * is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record Threads(@DefaultValue("true") boolean enabled, @DefaultValue("1000") @Nullable Long warning,
				@DefaultValue("5000") @Nullable Long critical, @DefaultValue("60s") Duration sustain,
				@DefaultValue("liveness") Probe probe) implements CheckSettings<Long> {
		}

		/**
		 * Net live-thread growth per second over the window: an early sign of a thread
		 * leak.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (net threads added per second) at or above which the
		 * check is at warning.
		 * @param critical The value (net threads added per second) at or above which the
		 * check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record ThreadGrowth(@DefaultValue("true") boolean enabled, @DefaultValue("1.0") @Nullable Double warning,
				@DefaultValue("10.0") @Nullable Double critical, @DefaultValue("15s") Duration sustain,
				@DefaultValue("none") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Heap in use right after the last garbage collection over the maximum heap: the
		 * JVM's real memory pressure.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (share of the maximum heap (0..1)) at or above which
		 * the check is at warning.
		 * @param critical The value (share of the maximum heap (0..1)) at or above which
		 * the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record Heap(@DefaultValue("true") boolean enabled, @DefaultValue("0.80") @Nullable Double warning,
				@DefaultValue("0.95") @Nullable Double critical, @DefaultValue("60s") Duration sustain,
				@DefaultValue("liveness") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Time until the heap's live set (the old generation after the collections that
		 * reclaim it) reaches the maximum heap at its growth over the last half hour: a
		 * leak, seen before the heap is full. Lower is worse: the thresholds are times
		 * left.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The time left until the heap is full (seconds) at or below which
		 * the check is at warning.
		 * @param critical The time left until the heap is full (seconds) at or below
		 * which the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record HeapGrowth(@DefaultValue("true") boolean enabled, @DefaultValue("6h") @Nullable Duration warning,
				@DefaultValue("1h") @Nullable Duration critical, @DefaultValue("15s") Duration sustain,
				@DefaultValue("none") Probe probe) implements CheckSettings<Duration> {
		}

		/**
		 * Heap in use now, in bytes. Off by default: the heap check judges pressure
		 * better.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (heap in use) at or above which the check is at
		 * warning.
		 * @param critical The value (heap in use) at or above which the check is
		 * critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record HeapUsed(@DefaultValue("false") boolean enabled, @DefaultValue("1GB") @Nullable DataSize warning,
				@DefaultValue("4GB") @Nullable DataSize critical, @DefaultValue("15s") Duration sustain,
				@DefaultValue("none") Probe probe) implements CheckSettings<DataSize> {
		}

		/**
		 * The 99th percentile GC pause over the window. 200ms is G1's default pause goal.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (99th percentile pause) at or above which the check is
		 * at warning.
		 * @param critical The value (99th percentile pause) at or above which the check
		 * is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record GcPause(@DefaultValue("true") boolean enabled, @DefaultValue("200ms") @Nullable Duration warning,
				@DefaultValue("1s") @Nullable Duration critical, @DefaultValue("15s") Duration sustain,
				@DefaultValue("readiness") Probe probe) implements CheckSettings<Duration> {
		}

		/**
		 * Share of wall time spent in garbage-collection pauses over the window.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (share of wall time in pauses (0..1)) at or above
		 * which the check is at warning.
		 * @param critical The value (share of wall time in pauses (0..1)) at or above
		 * which the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record GcOverhead(@DefaultValue("true") boolean enabled, @DefaultValue("0.05") @Nullable Double warning,
				@DefaultValue("0.25") @Nullable Double critical, @DefaultValue("15s") Duration sustain,
				@DefaultValue("readiness") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Deadlocked threads. Critical from the first one: a deadlock never clears.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (deadlocked threads) at or above which the check is at
		 * warning.
		 * @param critical The value (deadlocked threads) at or above which the check is
		 * critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record Deadlock(@DefaultValue("true") boolean enabled, @Nullable Long warning,
				@DefaultValue("1") @Nullable Long critical, @DefaultValue("60s") Duration sustain,
				@DefaultValue("liveness") Probe probe) implements CheckSettings<Long> {
		}

		/**
		 * The container's working set (its memory use less the inactive file cache, as
		 * the kernel and the kubelet count it) over its memory limit: the risk of an OOM
		 * kill. Unknown when there is no limit.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (share of the container's memory limit (0..1)) at or
		 * above which the check is at warning.
		 * @param critical The value (share of the container's memory limit (0..1)) at or
		 * above which the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record ContainerMemory(@DefaultValue("true") boolean enabled,
				@DefaultValue("0.85") @Nullable Double warning, @DefaultValue("0.95") @Nullable Double critical,
				@DefaultValue("15s") Duration sustain,
				@DefaultValue("readiness") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Metaspace in use over -XX:MaxMetaspaceSize. Unknown when no maximum is set.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (share of the maximum metaspace (0..1)) at or above
		 * which the check is at warning.
		 * @param critical The value (share of the maximum metaspace (0..1)) at or above
		 * which the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record Metaspace(@DefaultValue("true") boolean enabled, @DefaultValue("0.80") @Nullable Double warning,
				@DefaultValue("0.95") @Nullable Double critical, @DefaultValue("15s") Duration sustain,
				@DefaultValue("none") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Direct buffer memory over -XX:MaxDirectMemorySize.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (share of the direct memory limit (0..1)) at or above
		 * which the check is at warning.
		 * @param critical The value (share of the direct memory limit (0..1)) at or above
		 * which the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record DirectMemory(@DefaultValue("true") boolean enabled,
				@DefaultValue("0.80") @Nullable Double warning, @DefaultValue("0.95") @Nullable Double critical,
				@DefaultValue("15s") Duration sustain,
				@DefaultValue("none") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Open file descriptors over the process's limit.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (share of the file descriptor limit (0..1)) at or
		 * above which the check is at warning.
		 * @param critical The value (share of the file descriptor limit (0..1)) at or
		 * above which the check is critical.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record FileDescriptors(@DefaultValue("true") boolean enabled,
				@DefaultValue("0.80") @Nullable Double warning, @DefaultValue("0.95") @Nullable Double critical,
				@DefaultValue("15s") Duration sustain,
				@DefaultValue("none") Probe probe) implements CheckSettings<Double> {
		}

		/**
		 * Age of the last good sample: the monitor watching itself. No sustain by
		 * default, since the age already is a duration.
		 *
		 * @param enabled Whether to evaluate the check.
		 * @param warning The value (age of the last good sample) at or above which the
		 * check is at warning.
		 * @param critical The value (age of the last good sample) at or above which the
		 * check is critical; empty for three sampling intervals.
		 * @param sustain How long a breach must last before the check's level rises; it
		 * falls back on the first clean sample.
		 * @param probe The probe the check feeds when critical: liveness (restarts the
		 * pod), readiness (takes it out of the load balancer) or none.
		 */
		public record Sampler(@DefaultValue("true") boolean enabled, @Nullable Duration warning,
				@Nullable Duration critical, @DefaultValue("0s") Duration sustain,
				@DefaultValue("liveness") Probe probe) implements CheckSettings<Duration> {
		}

	}

}
