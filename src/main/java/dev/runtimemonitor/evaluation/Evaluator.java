package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Judges a snapshot against the checks' policies. Pure: the same inputs always give the
 * same evaluation.
 */
public final class Evaluator {

	private static final double NANOS_PER_SECOND = 1e9;

	private final List<CheckPolicy> policies;

	private final long minimumRateSpanNanos;

	/**
	 * Create an evaluator.
	 * @param policies the enabled checks and how to judge them
	 * @param minimumRateSpan the shortest span the window rates (thread growth, GC
	 * overhead) are computed over; until that much history exists they are unknown
	 */
	public Evaluator(List<CheckPolicy> policies, Duration minimumRateSpan) {
		this.policies = policies.stream().sorted(Comparator.comparing(CheckPolicy::check)).toList();
		this.minimumRateSpanNanos = minimumRateSpan.toNanos();
	}

	/**
	 * The policies this evaluator applies.
	 * @return the enabled checks' policies, in check order
	 */
	public List<CheckPolicy> policies() {
		return this.policies;
	}

	/**
	 * Judge a snapshot.
	 * @param current the snapshot just taken
	 * @param windowStart the oldest snapshot still inside the window, or {@code null}
	 * @param previous the previous evaluation, or {@code null} for the first
	 * @return the evaluation
	 */
	public Evaluation evaluate(RuntimeSnapshot current, @Nullable RuntimeSnapshot windowStart,
			@Nullable Evaluation previous) {
		Readings readings = Readings.of(current, (previous != null) ? previous.snapshot() : null,
				(previous != null) ? previous.readings() : null, windowStart, this.minimumRateSpanNanos);
		List<CheckResult> results = new ArrayList<>(this.policies.size());
		for (CheckPolicy policy : this.policies) {
			Check check = policy.check();
			double value = check.measure(readings);
			double projected = check.project(readings, policy.sustain().toNanos() / NANOS_PER_SECOND);
			CheckResult prior = (previous != null) ? previous.result(check) : null;
			results.add(SustainedLevel.judge(policy, value, projected, prior, current.time()));
		}
		return new Evaluation(current, readings, results);
	}

}
