package dev.runtimemonitor.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;

/**
 * The monitor's settings, as the {@code runtime-monitor.*} properties set them. What each
 * one means, and its default, is in the properties' documentation; here are the rules a
 * setting must keep, their messages, and what the monitor takes from the settings.
 *
 * @param enabled whether to run the monitor at all
 * @param interval the time between two samples
 * @param window the span of the window rates and pause percentiles
 * @param deadlockInterval the time between two searches for deadlocked threads
 * @param criticalReminder the least time between two log lines about a check that stays
 * critical
 * @param gcEvents where GC pauses come from
 * @param historySize the samples kept for the history
 * @param threadStates whether to count the threads by state at each sample
 * @param processCpu whether to serve the process CPU meters from the samples
 * @param checks every check, enabled or not, in check order
 * @param evidence what a check captures when it rises
 */
public record MonitorSettings(boolean enabled, Duration interval, Duration window, Duration deadlockInterval,
		Duration criticalReminder, GcEventSubscription.Source gcEvents, int historySize, boolean threadStates,
		boolean processCpu, List<ConfiguredCheck> checks, Evidence evidence) {

	/**
	 * The sampler is critical, unless configured otherwise, after this many intervals.
	 */
	public static final int SAMPLER_CRITICAL_INTERVALS = 3;

	/** Window rates need at least this much history, or the whole window if shorter. */
	private static final Duration MINIMUM_RATE_SPAN = Duration.ofMinutes(1);

	private static final String ZERO_OR_MORE = "must be zero or more";

	public MonitorSettings {
		checks = List.copyOf(checks);
	}

	/**
	 * What makes no sense in these settings.
	 * @return the problems, each naming its setting; empty when the settings are good
	 */
	public List<SettingProblem> problems() {
		List<SettingProblem> problems = new ArrayList<>();
		requirePositive("interval", this.interval, problems);
		requirePositive("deadlockInterval", this.deadlockInterval, problems);
		requirePositive("criticalReminder", this.criticalReminder, problems);
		if (isPositive(this.interval) && this.window.compareTo(this.interval.multipliedBy(2)) < 0) {
			problems.add(
					new SettingProblem("window", "tooShort", "must be at least two intervals (" + this.interval + ")"));
		}
		if (this.historySize < 1) {
			problems.add(new SettingProblem("historySize", "tooSmall", "must be at least 1"));
		}
		this.checks.forEach((check) -> check.addProblems(problems));
		requireNotNegative("evidence.keepFor", this.evidence.keepFor(), problems);
		requireNotNegative("evidence.repeatAfter", this.evidence.repeatAfter(), problems);
		requireNotNegative("evidence.classHistogram.minInterval", this.evidence.classHistogramMinInterval(), problems);
		return problems;
	}

	/**
	 * The policies the evaluator applies: the enabled checks, with the sampler's critical
	 * at {@value #SAMPLER_CRITICAL_INTERVALS} intervals unless set.
	 * @return the policies, in check order
	 */
	public List<CheckPolicy> policies() {
		List<CheckPolicy> policies = new ArrayList<>();
		for (ConfiguredCheck configured : this.checks) {
			if (configured.enabled()) {
				policies.add(withDefaults(configured.policy()));
			}
		}
		return policies;
	}

	private CheckPolicy withDefaults(CheckPolicy policy) {
		if (policy.check() == Check.SAMPLER && !policy.hasCritical()) {
			return new CheckPolicy(policy.check(), policy.warning(),
					Seconds.of(this.interval.multipliedBy(SAMPLER_CRITICAL_INTERVALS)), policy.sustain(),
					policy.probe());
		}
		return policy;
	}

	/**
	 * The least history a window rate is computed over: a minute, or the whole window if
	 * shorter, less half an interval, so that a span that falls short by the ticks' drift
	 * still counts (without that slack a window under a minute never had a known rate).
	 * @return the span
	 */
	public Duration rateSpan() {
		Duration span = (this.window.compareTo(MINIMUM_RATE_SPAN) < 0) ? this.window : MINIMUM_RATE_SPAN;
		return span.minus(this.interval.dividedBy(2));
	}

	/**
	 * Whether a check is enabled.
	 * @param check the check
	 * @return {@code true} when it is evaluated
	 */
	public boolean isEnabled(Check check) {
		return this.checks.stream()
			.anyMatch((configured) -> configured.policy().check() == check && configured.enabled());
	}

	private static void requirePositive(String field, Duration value, List<SettingProblem> problems) {
		if (!isPositive(value)) {
			problems.add(new SettingProblem(field, "notPositive", "must be more than zero"));
		}
	}

	private static void requireNotNegative(String field, Duration value, List<SettingProblem> problems) {
		if (value.isNegative()) {
			problems.add(new SettingProblem(field, "negative", ZERO_OR_MORE));
		}
	}

	private static boolean isPositive(Duration value) {
		return !value.isNegative() && !value.isZero();
	}

	/**
	 * One check as configured.
	 *
	 * @param policy its thresholds (in the check's base unit, {@code NaN} when not set),
	 * sustain and probe, as set: the sampler's critical is still {@code NaN} when not set
	 * @param enabled whether the check is evaluated
	 */
	public record ConfiguredCheck(CheckPolicy policy, boolean enabled) {

		void addProblems(List<SettingProblem> problems) {
			Check check = this.policy.check();
			String path = "checks." + check.id() + ".";
			ThresholdRule rule = ThresholdRule.of(check.unit());
			double warning = this.policy.warning();
			double critical = this.policy.critical();
			if (this.policy.hasWarning() && !rule.isValid(warning)) {
				problems.add(new SettingProblem(path + "warning", rule.invalidCode(), rule.invalidMessage()));
			}
			if (this.policy.hasCritical() && !rule.isValid(critical)) {
				problems.add(new SettingProblem(path + "critical", rule.invalidCode(), rule.invalidMessage()));
			}
			if (this.policy.hasWarning() && this.policy.hasCritical()) {
				if (check.higherIsWorse() && warning > critical) {
					problems.add(new SettingProblem(path + "warning", "aboveCritical",
							"must not be above critical (" + rule.describe(critical) + ")"));
				}
				if (!check.higherIsWorse() && warning < critical) {
					problems.add(new SettingProblem(path + "warning", "belowCritical",
							"must not be below critical (" + rule.describe(critical) + "): a shorter time is worse"));
				}
			}
			if (this.policy.sustain().isNegative()) {
				problems.add(new SettingProblem(path + "sustain", "negative", ZERO_OR_MORE));
			}
		}

	}

	/**
	 * What a check captures when it rises.
	 *
	 * @param enabled whether to capture evidence at all
	 * @param switchedOn the kinds switched on one by one
	 * @param keepFor how long evidence stays once its check is ok again
	 * @param repeatAfter the least time before a check captures again at the same level
	 * @param classHistogramMinInterval the least time between two class histograms
	 */
	public record Evidence(boolean enabled, Set<EvidenceKind> switchedOn, Duration keepFor, Duration repeatAfter,
			Duration classHistogramMinInterval) {

		public Evidence {
			switchedOn = Set.copyOf(switchedOn);
		}

		/**
		 * The kinds captured.
		 * @return the kinds switched on, none when evidence is off
		 */
		public Set<EvidenceKind> kinds() {
			Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
			if (this.enabled) {
				kinds.addAll(this.switchedOn);
			}
			return kinds;
		}

	}

}
