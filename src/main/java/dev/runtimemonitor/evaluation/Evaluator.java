package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.time.Instant;
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
	 * @param windowStart the oldest snapshot still inside the window, or, when none is,
	 * the last one before it; {@code null} for the first
	 * @param previous the previous evaluation, or {@code null} for the first: the checks'
	 * sustain and the container's climb go on from it
	 * @return the evaluation
	 */
	public Evaluation evaluate(RuntimeSnapshot current, @Nullable RuntimeSnapshot windowStart,
			@Nullable Evaluation previous) {
		RuntimeSnapshot before = (previous != null) ? previous.snapshot() : null;
		ContainerClimb climb = ((previous != null) ? previous.containerClimb() : ContainerClimb.NONE)
			.next(Readings.Memory.containerUsedBytes(current), Readings.secondsBetween(before, current));
		Readings readings = Readings.of(current, before, climb, windowStart, this.minimumRateSpanNanos);
		List<CheckResult> results = new ArrayList<>(this.policies.size());
		for (CheckPolicy policy : this.policies) {
			Check check = policy.check();
			double value = check.measure(readings);
			double projected = check.project(readings, Seconds.of(policy.sustain()));
			CheckResult prior = (previous != null) ? previous.result(check) : null;
			results.add(SustainedLevel.judge(policy, value, projected, prior, current.time()));
		}
		return new Evaluation(current, readings, results, climb);
	}

	/**
	 * A tick's evaluation as of a later moment, no newer sample having been taken: its
	 * readings with the sample's age then. Each check whose value that age changes is
	 * judged again, as an age grown since the sample ({@link SustainedLevel#judgeAge});
	 * the others keep their results, since nothing new was measured for them.
	 * @param tick the last tick's evaluation
	 * @param sampleAgeSeconds the age of its sample now
	 * @param now the moment it is read at
	 * @return the evaluation as of then, or the tick itself when no value changed
	 */
	public Evaluation asOf(Evaluation tick, double sampleAgeSeconds, Instant now) {
		Readings readings = tick.readings().asOf(sampleAgeSeconds);
		List<CheckResult> results = new ArrayList<>(tick.results().size());
		boolean changed = false;
		for (CheckResult atTick : tick.results()) {
			double value = atTick.check().measure(readings);
			if (Double.compare(value, atTick.value()) == 0) {
				results.add(atTick);
			}
			else {
				results.add(SustainedLevel.judgeAge(atTick.policy(), value, tick.time(), atTick, now));
				changed = true;
			}
		}
		return changed ? new Evaluation(tick.snapshot(), readings, results, tick.containerClimb()) : tick;
	}

}
