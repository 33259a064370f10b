package dev.runtimemonitor.monitor;

import dev.runtimemonitor.evaluation.Evaluation;
import org.jspecify.annotations.Nullable;

/**
 * Told about each evaluation, on the sampling thread, right after it is made.
 */
@FunctionalInterface
public interface MonitorListener {

	/**
	 * Called once per tick.
	 * @param evaluation the evaluation just made
	 * @param previous the one before it, or {@code null} for the first
	 */
	void onEvaluation(Evaluation evaluation, @Nullable Evaluation previous);

}
