package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.monitor.MonitorListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line each time a check changes level, with the value and the threshold; while a
 * check stays critical, a reminder at most once per reminder interval. Never a line per
 * tick.
 */
public final class LevelChangeLogger implements MonitorListener {

	private static final Logger logger = LoggerFactory.getLogger(LevelChangeLogger.class);

	private final Duration reminderInterval;

	private final Map<Check, Instant> lastLogged = new EnumMap<>(Check.class);

	/**
	 * Create a logger.
	 * @param reminderInterval the least time between two lines about a check that stays
	 * critical
	 */
	public LevelChangeLogger(Duration reminderInterval) {
		this.reminderInterval = reminderInterval;
	}

	@Override
	public void onEvaluation(Evaluation evaluation, @Nullable Evaluation previous) {
		for (CheckResult result : evaluation.results()) {
			CheckResult prior = (previous != null) ? previous.result(result.check()) : null;
			Level was = (prior != null) ? prior.level() : Level.OK;
			if (was != result.level()) {
				if (isAlarming(was) || isAlarming(result.level())) {
					log(result, changeMessage(result, prior), evaluation.time());
				}
				else {
					logger.debug(changeMessage(result, prior));
				}
			}
			else if (result.level() == Level.CRITICAL && isReminderDue(result.check(), evaluation.time())) {
				log(result, reminderMessage(result), evaluation.time());
			}
		}
	}

	private static boolean isAlarming(Level level) {
		return level == Level.WARNING || level == Level.CRITICAL;
	}

	private boolean isReminderDue(Check check, Instant now) {
		Instant last = this.lastLogged.get(check);
		return last == null || Duration.between(last, now).compareTo(this.reminderInterval) >= 0;
	}

	private void log(CheckResult result, String message, Instant now) {
		this.lastLogged.put(result.check(), now);
		logger.atLevel(severity(result.level())).log(message);
	}

	private static org.slf4j.event.Level severity(Level level) {
		return switch (level) {
			case CRITICAL -> org.slf4j.event.Level.ERROR;
			case WARNING -> org.slf4j.event.Level.WARN;
			case OK, UNKNOWN -> org.slf4j.event.Level.INFO;
		};
	}

	private static String changeMessage(CheckResult result, @Nullable CheckResult prior) {
		String was = (prior != null) ? " (was " + prior.level().id() + " since " + prior.since() + ")" : "";
		return "Runtime check '" + result.check().id() + "' is " + result.level().id() + ": " + describe(result) + was;
	}

	private static String reminderMessage(CheckResult result) {
		return "Runtime check '" + result.check().id() + "' is still critical since " + result.since() + ": "
				+ describe(result);
	}

	private static String describe(CheckResult result) {
		CheckPolicy policy = result.policy();
		String value = FigureFormatter.format(policy.check().unit(), result.value());
		return switch (result.level()) {
			case CRITICAL -> value + reached(policy) + " critical "
					+ FigureFormatter.format(policy.check().unit(), policy.critical());
			case WARNING ->
				value + reached(policy) + " warning " + FigureFormatter.format(policy.check().unit(), policy.warning());
			case OK -> value + thresholdsOf(policy);
			case UNKNOWN -> "its value cannot be measured";
		};
	}

	private static String reached(CheckPolicy policy) {
		return policy.check().higherIsWorse() ? " at or above" : " at or below";
	}

	private static String thresholdsOf(CheckPolicy policy) {
		double lowest = policy.hasWarning() ? policy.warning() : policy.critical();
		return Double.isNaN(lowest) ? "" : (policy.check().higherIsWorse() ? ", below " : ", above ")
				+ FigureFormatter.format(policy.check().unit(), lowest);
	}

}
