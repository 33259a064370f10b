package dev.runtimemonitor.agent;

import java.util.Locale;
import java.util.Map;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.RuntimeHealth;
import dev.runtimemonitor.publishing.history.HistoryResponse;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.history.Since;
import dev.runtimemonitor.publishing.report.EvidenceReport;
import dev.runtimemonitor.publishing.report.RuntimeReport;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.RuntimeReportFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The agent's {@code /runtime}: the library's runtime report, as JSON, or as text for
 * {@code Accept: text/plain}, 503 before the first sample; and {@code /runtime/history},
 * the recent points, as the service's {@code runtime} endpoint writes them. The evidence is in it: the
 * agent's port has no users to tell apart, and is the service's port for an operator, so
 * the report shows what the service shows with its health details on.
 */
final class ReportResponses {

	private final MonitorView monitor;

	private final RuntimeReportBuilder reports;

	private final @Nullable EvidenceRecorder evidence;

	private final RuntimeHistory history;

	ReportResponses(MonitorView monitor, RuntimeReportBuilder reports, @Nullable EvidenceRecorder evidence,
			RuntimeHistory history) {
		this.monitor = monitor;
		this.reports = reports;
		this.evidence = evidence;
		this.history = history;
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

	/**
	 * The points taken after {@code since}, as the service's {@code /runtime/history}.
	 * @param since epoch milliseconds or an ISO-8601 instant, exclusive; every point when
	 * absent
	 * @return the points, or 400 for a bad {@code since}
	 */
	Response history(@Nullable String since) {
		long after;
		try {
			after = Since.parse(since);
		}
		catch (IllegalArgumentException ex) {
			return Response.json(Response.BAD_REQUEST, Map.of("error", String.valueOf(ex.getMessage())));
		}
		return Response.json(Response.OK, JsonValues.object(HistoryResponse.of(Seconds.of(this.monitor.interval()),
				this.history.capacity(), this.history.after(after))));
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
