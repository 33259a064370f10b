package dev.runtimemonitor.publishing.endpoint;

import java.time.Duration;
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

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code runtime} endpoint: {@code /runtime}, the report (JSON, or text for
 * {@code Accept: text/plain}, chosen the way Spring Boot's {@code threaddump} endpoint
 * chooses), and {@code /runtime/history}, the recent points for the dashboard. It reads
 * the monitor's latest evaluation, its history and the evidence kept; it never samples.
 * The evidence is in the report only for a reader the health endpoint would show its
 * details to ({@link EvidenceAccess}).
 */
@WebEndpoint(id = "runtime")
public class RuntimeEndpoint {

	/** The one part under {@code /runtime}. */
	static final String HISTORY = "history";

	private final MonitorView monitor;

	private final RuntimeReportBuilder reports;

	private final RuntimeHistory history;

	private final Duration interval;

	private final @Nullable EvidenceRecorder evidence;

	private final EvidenceAccess evidenceAccess;

	/**
	 * Create the endpoint without evidence.
	 * @param monitor the monitor to read
	 * @param reports builds the report
	 * @param history the recent points
	 */
	public RuntimeEndpoint(MonitorView monitor, RuntimeReportBuilder reports, RuntimeHistory history) {
		this(monitor, reports, history, null, EvidenceAccess.NEVER);
	}

	/**
	 * Create the endpoint.
	 * @param monitor the monitor to read
	 * @param reports builds the report
	 * @param history the recent points
	 * @param evidence the evidence kept, or {@code null} when none is captured
	 * @param evidenceAccess who may read the evidence
	 */
	public RuntimeEndpoint(MonitorView monitor, RuntimeReportBuilder reports, RuntimeHistory history,
			@Nullable EvidenceRecorder evidence, EvidenceAccess evidenceAccess) {
		this.monitor = monitor;
		this.reports = reports;
		this.history = history;
		this.interval = monitor.interval();
		this.evidence = evidence;
		this.evidenceAccess = evidenceAccess;
	}

	/**
	 * The report as JSON.
	 * @param securityContext who asks, for the evidence
	 * @return the report, or 503 before the first sample
	 */
	@ReadOperation
	public WebEndpointResponse<Object> report(SecurityContext securityContext) {
		RuntimeReport report = report(this.monitor.latest(), securityContext);
		if (report == null) {
			return error(RuntimeHealth.NOT_SAMPLED_YET, WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
		return new WebEndpointResponse<>(OperationResponseBody.of(JsonValues.object(report)));
	}

	/**
	 * The report as text.
	 * @param securityContext who asks, for the evidence
	 * @return the text, or 503 before the first sample
	 */
	@ReadOperation(produces = "text/plain;charset=UTF-8")
	public WebEndpointResponse<String> text(SecurityContext securityContext) {
		RuntimeReport report = report(this.monitor.latest(), securityContext);
		if (report == null) {
			return new WebEndpointResponse<>(RuntimeHealth.NOT_SAMPLED_YET + "\n",
					WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
		return new WebEndpointResponse<>(RuntimeReportFormatter.format(report));
	}

	private @Nullable RuntimeReport report(@Nullable Evaluation evaluation, SecurityContext securityContext) {
		if (evaluation == null) {
			return null;
		}
		EvidenceRecorder evidence = this.evidence;
		boolean shown = evidence != null && this.evidenceAccess.isShown(securityContext);
		return this.reports.report(evaluation, shown ? EvidenceReport.of(evidence.latest(), evidence.keepFor()) : null);
	}

	/**
	 * A part of the report: {@code history}, the points taken after {@code since}.
	 * @param part the part's name
	 * @param since epoch milliseconds or an ISO-8601 instant, exclusive; every point when
	 * absent
	 * @return the points, 400 for a bad {@code since}, 404 for an unknown part
	 */
	@ReadOperation
	public WebEndpointResponse<Object> part(@Selector String part, @Nullable String since) {
		if (!HISTORY.equals(part)) {
			return error("No such part of the runtime report: only 'history'", WebEndpointResponse.STATUS_NOT_FOUND);
		}
		long after;
		try {
			after = Since.parse(since);
		}
		catch (IllegalArgumentException ex) {
			return error(String.valueOf(ex.getMessage()), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		return new WebEndpointResponse<>(OperationResponseBody.of(JsonValues.object(
				HistoryResponse.of(Seconds.of(this.interval), this.history.capacity(), this.history.after(after)))));
	}

	private static WebEndpointResponse<Object> error(String message, int status) {
		return new WebEndpointResponse<>(OperationResponseBody.of(Map.of("error", message)), status);
	}

}
