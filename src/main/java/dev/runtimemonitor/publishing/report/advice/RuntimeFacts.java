package dev.runtimemonitor.publishing.report.advice;

import java.time.Duration;

import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.jvm.JvmSettings;

/**
 * What the advice rules look at: the readings of one evaluation, how the JVM was started,
 * and the limits to judge against.
 *
 * @param jvm the JVM's settings, read at start-up
 * @param limits the limits the rules judge against
 * @param window the span of the window figures
 * @param readings what was measured; unknown figures are {@code NaN}
 */
public record RuntimeFacts(JvmSettings jvm, AdviceLimits limits, Duration window, Readings readings) {

	/**
	 * The facts of one evaluation, judged against the limits of its checks.
	 * @param evaluation the evaluation
	 * @param jvm the JVM's settings
	 * @param window the span of the window figures
	 * @return the facts
	 */
	public static RuntimeFacts of(Evaluation evaluation, JvmSettings jvm, Duration window) {
		return new RuntimeFacts(jvm, AdviceLimits.of(evaluation.results().stream().map(CheckResult::policy).toList(),
				Readings.Settings.of(jvm)), window, evaluation.readings());
	}

	/**
	 * The maximum heap: as measured, else as the JVM was started with.
	 * @return the maximum heap in bytes, {@code NaN} when unknown
	 */
	public double heapMaxBytes() {
		double measured = this.readings.heap().maxBytes();
		return !Double.isNaN(measured) ? measured : settings().heapMaxBytes();
	}

	/**
	 * The figures of the JVM's settings.
	 * @return the figures, unknown ones {@code NaN}
	 */
	public Readings.Settings settings() {
		return Readings.Settings.of(this.jvm);
	}

	/**
	 * The container's memory limit.
	 * @return the limit in bytes, {@code NaN} without one
	 */
	public double containerLimitBytes() {
		return this.readings.memory().containerLimitBytes();
	}

	/**
	 * Whether the process runs under a memory limit.
	 * @return {@code true} in a container with a memory limit
	 */
	public boolean hasContainerLimit() {
		return !Double.isNaN(containerLimitBytes());
	}

}
