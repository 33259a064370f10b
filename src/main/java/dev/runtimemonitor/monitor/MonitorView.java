package dev.runtimemonitor.monitor;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.sampling.SampleErrors;
import org.jspecify.annotations.Nullable;

/**
 * What publishing sees of the monitor: the latest evaluation, what the checks are judged
 * by, how sampling is going, and each new evaluation as it is made. None of it samples or
 * starts anything; the schedule stays with {@link RuntimeMonitor}, which a meter, a
 * health indicator or the endpoint never needs.
 */
public interface MonitorView {

	/**
	 * The latest evaluation, as of the moment it is read: a reader that finds the next
	 * tick overdue gets the last one with the age its sample has reached.
	 * @return the evaluation, or {@code null} before the first good sample
	 */
	@Nullable Evaluation latest();

	/**
	 * The policies of the enabled checks.
	 * @return the policies, in check order
	 */
	List<CheckPolicy> policies();

	/**
	 * Time between ticks.
	 * @return the interval
	 */
	Duration interval();

	/**
	 * Failures per sample source.
	 * @return the sampler's error counts
	 */
	SampleErrors sampleErrors();

	/**
	 * Ticks that failed as a whole (an unexpected error, not a failing source).
	 * @return the count so far
	 */
	long failedTicks();

	/**
	 * Tell a listener about every evaluation from now on.
	 * @param listener the listener, called on the monitor's thread
	 */
	void addListener(MonitorListener listener);

}
