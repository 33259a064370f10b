package dev.runtimemonitor.publishing.report;

import java.time.Instant;
import java.util.Locale;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.publishing.CheckValues;
import org.jspecify.annotations.Nullable;

/**
 * One check as the report shows it: the same figures as the health details.
 *
 * @param check the check's name
 * @param level {@code ok}, {@code warning}, {@code critical} or {@code unknown}
 * @param value the value judged, {@code null} when unknown
 * @param unit the unit of the value and thresholds
 * @param warning the warning threshold, {@code null} when not set
 * @param critical the critical threshold, {@code null} when not set
 * @param sustain how long a breach must last before the level rises
 * @param since when the check entered its level
 * @param probe the probe the check feeds
 */
public record CheckReport(String check, String level, @Nullable Number value, String unit, @Nullable Number warning,
		@Nullable Number critical, String sustain, Instant since, String probe) {

	/**
	 * The report of one check result.
	 * @param result the result
	 * @return its report
	 */
	public static CheckReport of(CheckResult result) {
		CheckPolicy policy = result.policy();
		Unit unit = policy.check().unit();
		return new CheckReport(policy.check().id(), result.level().id(), CheckValues.json(unit, result.value()),
				unit.symbol(), policy.hasWarning() ? CheckValues.json(unit, policy.warning()) : null,
				policy.hasCritical() ? CheckValues.json(unit, policy.critical()) : null,
				CheckValues.duration(policy.sustain()), result.since(), policy.probe().name().toLowerCase(Locale.ROOT));
	}

}
