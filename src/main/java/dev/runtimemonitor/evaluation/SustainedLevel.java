package dev.runtimemonitor.evaluation;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Applies a check's sustain: a breach raises the level only once it has lasted the
 * sustain, so that a spike never restarts a pod; the level falls back on the first sample
 * that no longer breaches the threshold. A steady trend that will breach a threshold
 * within the sustain raises the level at once: waiting would only report the breach after
 * its damage is done (an OOM kill comes sooner than a 15 s sustain). A breach that has
 * happened is still the sustain's to judge, whatever the trend.
 */
public final class SustainedLevel {

	private SustainedLevel() {
	}

	/**
	 * Judge a value given the check's previous result.
	 * @param policy how the check is judged
	 * @param value the value just measured, {@code NaN} when unknown
	 * @param prior the check's previous result, or {@code null} for its first
	 * @param now when the value was measured
	 * @return the check's result now
	 */
	public static CheckResult judge(CheckPolicy policy, double value, @Nullable CheckResult prior, Instant now) {
		return judge(policy, value, Double.NaN, prior, now);
	}

	/**
	 * Judge a value and where its trend takes it within the sustain.
	 * @param policy how the check is judged
	 * @param value the value just measured, {@code NaN} when unknown
	 * @param projected the value one sustain from now along a steady trend, {@code NaN}
	 * without one
	 * @param prior the check's previous result, or {@code null} for its first
	 * @param now when the value was measured
	 * @return the check's result now
	 */
	public static CheckResult judge(CheckPolicy policy, double value, double projected, @Nullable CheckResult prior,
			Instant now) {
		Level raw = policy.classify(value);
		boolean atWarning = raw == Level.WARNING || raw == Level.CRITICAL;
		Instant warningStart = atWarning ? startOf((prior != null) ? prior.warningBreachStart() : null, now) : null;
		Instant criticalStart = (raw == Level.CRITICAL)
				? startOf((prior != null) ? prior.criticalBreachStart() : null, now) : null;
		Level level = worse(sustained(raw, warningStart, criticalStart, policy.sustain(), now),
				foreseen(raw, policy.classify(projected), prior));
		Instant since = (prior != null && prior.level() == level) ? prior.since() : now;
		return new CheckResult(policy, value, level, since, warningStart, criticalStart);
	}

	/**
	 * The level a trend foresees, where it counts: at a threshold the value has not
	 * reached yet, or at one the trend had already foreseen, so that the level holds
	 * while the climb crosses the threshold. A breach that has happened, a burst above
	 * the critical threshold say, is the sustain's to judge, however the value drifts.
	 */
	private static Level foreseen(Level raw, Level projected, @Nullable CheckResult prior) {
		if (raw == Level.UNKNOWN || projected == Level.UNKNOWN) {
			return Level.UNKNOWN;
		}
		boolean ahead = projected.ordinal() > raw.ordinal();
		boolean held = prior != null && prior.level() != Level.UNKNOWN
				&& prior.level().ordinal() >= projected.ordinal();
		return (ahead || held) ? projected : Level.UNKNOWN;
	}

	/**
	 * The worse of two levels; an unknown projection changes nothing.
	 */
	private static Level worse(Level level, Level projected) {
		if (projected == Level.UNKNOWN || level == Level.UNKNOWN) {
			return level;
		}
		return (projected.ordinal() > level.ordinal()) ? projected : level;
	}

	/**
	 * Judge an age: a value that has grown by one second every second since some moment,
	 * such as the age of the last good sample while no newer one comes. It crossed each
	 * threshold at that moment plus the threshold, so its breach starts, and the moment
	 * each breach had lasted the sustain, are known exactly, however rarely it is judged.
	 * @param policy how the check is judged; higher is worse
	 * @param age the age now
	 * @param from the moment the age was zero
	 * @param prior the check's result when it was last judged on a measured value
	 * @param now the moment the age is judged at
	 * @return the check's result now
	 */
	public static CheckResult judgeAge(CheckPolicy policy, double age, Instant from, CheckResult prior, Instant now) {
		Instant warningStart = crossed(from, age, policy.warning());
		Instant criticalStart = crossed(from, age, policy.critical());
		Level level = sustained(policy.classify(age), warningStart, criticalStart, policy.sustain(), now);
		Instant reached = switch (level) {
			case CRITICAL -> lastedFrom(criticalStart, policy.sustain());
			case WARNING -> lastedFrom(warningStart, policy.sustain());
			case OK, UNKNOWN -> null;
		};
		Instant since = (reached != null) ? reached : (prior.level() == level) ? prior.since() : now;
		return new CheckResult(policy, age, level, since, warningStart, criticalStart);
	}

	private static @Nullable Instant crossed(Instant from, double age, double threshold) {
		return (age >= threshold) ? from.plusNanos(Seconds.toNanos(threshold)) : null;
	}

	private static @Nullable Instant lastedFrom(@Nullable Instant breachStart, Duration sustain) {
		return (breachStart != null) ? breachStart.plus(sustain) : null;
	}

	private static Instant startOf(@Nullable Instant ongoing, Instant now) {
		return (ongoing != null) ? ongoing : now;
	}

	private static Level sustained(Level raw, @Nullable Instant warningStart, @Nullable Instant criticalStart,
			Duration sustain, Instant now) {
		if (raw == Level.UNKNOWN) {
			return Level.UNKNOWN;
		}
		if (criticalStart != null && lasted(criticalStart, now, sustain)) {
			return Level.CRITICAL;
		}
		if (warningStart != null && lasted(warningStart, now, sustain)) {
			return Level.WARNING;
		}
		return Level.OK;
	}

	private static boolean lasted(Instant start, Instant now, Duration sustain) {
		return Duration.between(start, now).compareTo(sustain) >= 0;
	}

}
