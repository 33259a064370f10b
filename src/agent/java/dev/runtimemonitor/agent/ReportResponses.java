package dev.runtimemonitor.agent;

import java.util.Locale;
import java.util.Map;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.RuntimeHealth;
import dev.runtimemonitor.publishing.report.EvidenceReport;
import dev.runtimemonitor.publishing.report.RuntimeReport;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.RuntimeReportFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The agent's {@code /runtime}: the library's runtime report, as JSON, or as text for
 * {@code Accept: text/plain}; 503 before the first sample. The evidence is in it: the
 * agent's port has no users to tell apart, and is the service's port for an operator, so
 * the report shows what the service shows with its health details on.
 */
final class ReportResponses {

	private final MonitorView monitor;

	private final RuntimeReportBuilder reports;

	private final @Nullable EvidenceRecorder evidence;

	ReportResponses(MonitorView monitor, RuntimeReportBuilder reports, @Nullable EvidenceRecorder evidence) {
		this.monitor = monitor;
		this.reports = reports;
		this.evidence = evidence;
	}

	Response report(@Nullable String accept) {
		boolean text = wantsText(accept);
		Evaluation evaluation = this.monitor.latest();
		if (evaluation == null) {
			return text ? Response.text(Response.SERVICE_UNAVAILABLE, RuntimeHealth.NOT_SAMPLED_YET + "\n")
					: Response.json(Response.SERVICE_UNAVAILABLE, Map.of("error", RuntimeHealth.NOT_SAMPLED_YET));
		}
		EvidenceRecorder evidence = this.evidence;
		RuntimeReport report = this.reports.report(evaluation,
				(evidence != null) ? EvidenceReport.of(evidence.latest(), evidence.keepFor()) : null);
		return text ? Response.text(Response.OK, RuntimeReportFormatter.format(report))
				: Response.json(Response.OK, JsonValues.object(report));
	}

	/** Text when the client names it and no JSON, as the actuator chooses between the two. */
	static boolean wantsText(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		String types = accept.toLowerCase(Locale.ROOT);
		return types.contains("text/plain") && !types.contains("json");
	}

}
