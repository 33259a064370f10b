package dev.runtimemonitor.evaluation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A check's outcome at one evaluation, with what the next evaluation needs to apply the
 * sustain.
 *
 * @param policy how the check is judged
 * @param value the measured value, {@code NaN} when unknown
 * @param level the level, sustain applied
 * @param since when the check entered this level
 * @param warningBreachStart since when the value has stayed at or above the warning
 * threshold, or {@code null} when it is below it now
 * @param criticalBreachStart since when the value has stayed at or above the critical
 * threshold, or {@code null} when it is below it now
 */
public record CheckResult(CheckPolicy policy, double value, Level level, Instant since,
		@Nullable Instant warningBreachStart, @Nullable Instant criticalBreachStart) {

	/**
	 * The check this is the result of.
	 * @return the check
	 */
	public Check check() {
		return this.policy.check();
	}

	/**
	 * Whether the value is known.
	 * @return {@code false} when the value's source failed or it does not apply
	 */
	public boolean hasValue() {
		return !Double.isNaN(this.value);
	}

}
