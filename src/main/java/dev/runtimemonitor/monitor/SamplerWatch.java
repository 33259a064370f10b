package dev.runtimemonitor.monitor;

import java.time.Instant;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.SustainedLevel;
import dev.runtimemonitor.evaluation.FigureFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Judges the {@code sampler} check again when the next tick is overdue: a stuck or dead
 * sampling thread runs no ticks, so only a reader can see that the last good sample is
 * getting old. Its value is then the sample's age, which grows with the clock, so the
 * moment it crossed each threshold is known exactly and the sustain rule is applied from
 * there, as for any other check. The next tick is judged against this, so the recovery is
 * a level change like any other, logged with the time the check went critical.
 */
final class SamplerWatch {

	private static final double NANOS_PER_SECOND = 1e9;

	/** A tick counts as overdue after this many intervals. */
	private static final double OVERDUE_INTERVALS = 1.5;

	private final double overdueSeconds;

	SamplerWatch(double intervalSeconds) {
		this.overdueSeconds = intervalSeconds * OVERDUE_INTERVALS;
	}

	/**
	 * The tick's evaluation as of now.
	 * @param tick the last tick's evaluation
	 * @param now the wall-clock time now
	 * @param nowNanos the monotonic time now
	 * @return the tick itself while the next one is not overdue, else a copy whose
	 * {@code sampler} check is judged on the age of the tick's sample
	 */
	Evaluation asOf(Evaluation tick, Instant now, long nowNanos) {
		CheckResult atTick = tick.result(Check.SAMPLER);
		double age = (nowNanos - tick.snapshot().monotonicNanos()) / NANOS_PER_SECOND;
		if (atTick == null || age <= this.overdueSeconds) {
			return tick;
		}
		CheckPolicy policy = atTick.policy();
		Instant sampled = tick.time();
		Instant warningStart = crossed(sampled, age, policy.warning());
		Instant criticalStart = crossed(sampled, age, policy.critical());
		CheckResult judged = SustainedLevel.judge(policy, age,
				new CheckResult(policy, atTick.value(), atTick.level(), atTick.since(), warningStart, criticalStart),
				now);
		Instant reached = switch (judged.level()) {
			case CRITICAL -> reached(criticalStart, policy);
			case WARNING -> reached(warningStart, policy);
			case OK, UNKNOWN -> null;
		};
		return tick.with((reached != null) ? new CheckResult(policy, age, judged.level(), reached,
				judged.warningBreachStart(), judged.criticalBreachStart()) : judged);
	}

	/**
	 * When an age that grows from a sample's time reached a threshold.
	 */
	private static @Nullable Instant crossed(Instant sampled, double age, double threshold) {
		return (age >= threshold) ? sampled.plusNanos((long) (threshold * NANOS_PER_SECOND)) : null;
	}

	private static @Nullable Instant reached(@Nullable Instant breachStart, CheckPolicy policy) {
		return (breachStart != null) ? breachStart.plus(policy.sustain()) : null;
	}

}
