package dev.runtimemonitor.publishing.report.advice;

import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.Seconds;

/**
 * The limits the advice rules judge against: the warning thresholds of the matching
 * checks, so that advice and health agree, with the design's defaults for a disabled
 * check; and the pause goal.
 *
 * @param gcOverhead share of wall time in GC pauses at or above which GC costs too much
 * @param pauseGoalSeconds the pause goal, {@code NaN} when there is none
 * @param pauseGoalSource where the pause goal comes from: {@code MaxGCPauseMillis} or
 * {@code gc-pause warning}
 * @param heapAfterGc share of the maximum heap, after GC, at or above which the heap is
 * near full
 * @param containerMemory share of the container limit, resident, at or above which the
 * process is near its limit
 */
public record AdviceLimits(double gcOverhead, double pauseGoalSeconds, String pauseGoalSource, double heapAfterGc,
		double containerMemory) {

	/** The gc-overhead check's default warning. */
	static final double DEFAULT_GC_OVERHEAD = 0.05;

	/** The heap check's default warning. */
	static final double DEFAULT_HEAP_AFTER_GC = 0.80;

	/** The container-memory check's default warning. */
	static final double DEFAULT_CONTAINER_MEMORY = 0.85;

	/**
	 * The limits for a service with these checks and these JVM settings.
	 * @param policies the enabled checks
	 * @param settings the figures of the JVM's settings, for the collector's pause goal
	 * @return the limits
	 */
	public static AdviceLimits of(List<CheckPolicy> policies, Readings.Settings settings) {
		double pauseWarning = warning(policies, Check.GC_PAUSE, Double.NaN);
		boolean g1Goal = !Double.isNaN(settings.pauseGoalMillis());
		return new AdviceLimits(warning(policies, Check.GC_OVERHEAD, DEFAULT_GC_OVERHEAD),
				g1Goal ? Seconds.ofMillis(settings.pauseGoalMillis()) : pauseWarning,
				g1Goal ? "MaxGCPauseMillis" : "gc-pause warning", warning(policies, Check.HEAP, DEFAULT_HEAP_AFTER_GC),
				warning(policies, Check.CONTAINER_MEMORY, DEFAULT_CONTAINER_MEMORY));
	}

	private static double warning(List<CheckPolicy> policies, Check check, double fallback) {
		return policies.stream()
			.filter((policy) -> policy.check() == check && policy.hasWarning())
			.mapToDouble(CheckPolicy::warning)
			.findFirst()
			.orElse(fallback);
	}

}
