package dev.runtimemonitor.publishing.report;

import java.time.Instant;
import java.util.Locale;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Seconds;

/**
 * One check as the report shows it: the same figures as the health details, with the
 * check's unit, sustain and probe.
 *
 * @param check the check's name
 * @param level {@code ok}, {@code warning}, {@code critical} or {@code unknown}
 * @param value the value judged; unknown when its source failed or it does not apply
 * @param unit the unit of the value and thresholds
 * @param warning the warning threshold; unknown when not set
 * @param critical the critical threshold; unknown when not set
 * @param sustainSeconds how long a breach must last before the level rises
 * @param since when the check entered its level
 * @param probe the probe the check feeds
 */
public record CheckReport(String check, String level, double value, String unit, double warning, double critical,
		double sustainSeconds, Instant since, String probe) {

	/**
	 * The report of one check result.
	 * @param result the result
	 * @return its report
	 */
	public static CheckReport of(CheckResult result) {
		CheckPolicy policy = result.policy();
		return new CheckReport(policy.check().id(), result.level().id(), result.value(), policy.check().unit().symbol(),
				policy.warning(), policy.critical(), Seconds.of(policy.sustain()), result.since(),
				policy.probe().name().toLowerCase(Locale.ROOT));
	}

}
