package dev.runtimemonitor.publishing.endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.evidence.Capture;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.jvm.JvmSettingsReader;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import io.micrometer.core.instrument.Clock;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeEndpointTests {

	private final SettableMonitorView monitor = new SettableMonitorView(
			new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ZERO, Probe.NONE));

	private final RuntimeHistory history = new RuntimeHistory(3);

	private final RuntimeEndpoint endpoint = new RuntimeEndpoint(this.monitor,
			new RuntimeReportBuilder(JvmSettingsReader.platform(), Duration.ofMinutes(5), TuningAdvisor.withAllRules()),
			this.history);

	@Test
	void answersServiceUnavailableBeforeTheFirstSample() {
		assertThat(this.endpoint.report(SecurityContext.NONE).getStatus()).isEqualTo(503);
		assertThat(this.endpoint.text(SecurityContext.NONE).getStatus()).isEqualTo(503);
		assertThat(this.endpoint.text(SecurityContext.NONE).getBody()).isEqualTo("No sample taken yet\n");
	}

	@Test
	void showsTheEvidenceOnlyToTheReadersTheHealthDetailsAreShownTo() {
		EvidenceRecorder evidence = new EvidenceRecorder(
				Map.of(EvidenceKind.THREAD_GROUPS, () -> Capture.taken("3 groups", "evidence\n")), Duration.ofHours(1),
				Duration.ZERO, Clock.SYSTEM, List.of());
		this.monitor.addListener(evidence);
		this.monitor.tick(atSeconds(0).threads(30));
		RuntimeReportBuilder reports = new RuntimeReportBuilder(JvmSettingsReader.platform(), Duration.ofMinutes(5),
				TuningAdvisor.withAllRules());
		SecurityContext operator = SecurityContext.NONE;
		RuntimeEndpoint shown = new RuntimeEndpoint(this.monitor, reports, this.history, evidence,
				(context) -> context == operator);
		RuntimeEndpoint hidden = new RuntimeEndpoint(this.monitor, reports, this.history, evidence,
				EvidenceAccess.NEVER);
		assertThat(body(shown.report(operator))).containsKey("evidence");
		assertThat(shown.text(operator).getBody()).contains("\nEVIDENCE (");
		assertThat(body(hidden.report(operator))).doesNotContainKey("evidence");
		assertThat(hidden.text(operator).getBody()).doesNotContain("EVIDENCE");
		assertThat(body(this.endpoint.report(operator))).doesNotContainKey("evidence");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(WebEndpointResponse<Object> response) {
		return (Map<String, Object>) response.getBody();
	}

	@Test
	void reportsTheLatestTick() {
		this.monitor.addListener(this.history);
		this.monitor.tick(atSeconds(0).threads(30));
		WebEndpointResponse<Object> report = this.endpoint.report(SecurityContext.NONE);
		assertThat(report.getStatus()).isEqualTo(200);
		assertThat(report.getBody()).isInstanceOfSatisfying(Map.class,
				(body) -> assertThat((List<?>) body.get("checks")).singleElement()
					.isInstanceOfSatisfying(Map.class, (check) -> assertThat(check.get("check")).isEqualTo("threads")));
		assertThat(this.endpoint.text(SecurityContext.NONE).getBody()).startsWith("Runtime report, sampled at ");
		WebEndpointResponse<Object> history = this.endpoint.part("history", null);
		assertThat(body(history)).containsEntry("intervalSeconds", 5L)
			.containsEntry("capacity", 3)
			.hasEntrySatisfying("points", (points) -> assertThat((List<?>) points).hasSize(1));
	}

	@Test
	void saysWhatIsWrongWithABadRequest() {
		WebEndpointResponse<Object> badSince = this.endpoint.part("history", "soon");
		assertThat(badSince.getStatus()).isEqualTo(400);
		assertThat(badSince.getBody()).isInstanceOfSatisfying(Map.class,
				(body) -> assertThat(body.get("error")).asString().startsWith("Invalid 'since' parameter 'soon'"));
		assertThat(this.endpoint.part("heapdump", null).getStatus()).isEqualTo(404);
	}

}
