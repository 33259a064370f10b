package dev.runtimemonitor.evaluation;

import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One tick's judgement: the snapshot, its readings and every enabled check's result, with
 * what the next tick's judgement goes on from.
 *
 * @param snapshot what was sampled
 * @param readings every figure as a number, rates over the window included
 * @param results each enabled check's result, in check order
 * @param containerClimb the container memory's climb up to this tick
 */
public record Evaluation(RuntimeSnapshot snapshot, Readings readings, List<CheckResult> results,
		ContainerClimb containerClimb) {

	public Evaluation {
		results = List.copyOf(results);
	}

	/**
	 * An evaluation with no climb of the container's memory before it, as a first tick's.
	 * @param snapshot what was sampled
	 * @param readings every figure as a number
	 * @param results each enabled check's result, in check order
	 */
	public Evaluation(RuntimeSnapshot snapshot, Readings readings, List<CheckResult> results) {
		this(snapshot, readings, results, ContainerClimb.NONE);
	}

	/**
	 * When the snapshot was taken.
	 * @return the sample time
	 */
	public Instant time() {
		return this.snapshot.time();
	}

	/**
	 * The result of one check.
	 * @param check the check
	 * @return its result, or {@code null} when the check is disabled
	 */
	public @Nullable CheckResult result(Check check) {
		for (CheckResult result : this.results) {
			if (result.check() == check) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Whether any check is critical.
	 * @return {@code true} when at least one check is at {@link Level#CRITICAL}
	 */
	public boolean isCritical() {
		return this.results.stream().anyMatch((result) -> result.level() == Level.CRITICAL);
	}

}
