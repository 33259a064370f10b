package dev.runtimemonitor.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.jvm.JvmSettingsReader;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class ReportResponsesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SettableMonitorView monitor = new SettableMonitorView(
			new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ZERO, Probe.NONE));

	private final RuntimeHistory history = new RuntimeHistory(3);

	private final ReportResponses responses = new ReportResponses(this.monitor,
			new RuntimeReportBuilder(JvmSettingsReader.platform(), Duration.ofMinutes(5), TuningAdvisor.withAllRules()),
			null, this.history);

	@Test
	void answersTheHistoryAsTheService() {
		this.monitor.addListener(this.history);
		this.monitor.tick(atSeconds(0).threads(30));
		Evaluation last = this.monitor.tick(atSeconds(5).threads(40));
		Response all = this.responses.history(null);
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.contentType()).isEqualTo("application/json");
		Map<String, Object> body = json(all);
		assertThat(body).containsEntry("intervalSeconds", 5).containsEntry("capacity", 3);
		assertThat((List<?>) body.get("points")).hasSize(2).last().isInstanceOfSatisfying(Map.class, (point) -> {
			assertThat(point.get("epochMillis")).isEqualTo(last.time().toEpochMilli());
			assertThat(point.get("levels")).isEqualTo(Map.of("threads", "ok"));
		});
		Response newer = this.responses.history(String.valueOf(last.time().toEpochMilli()));
		assertThat((List<?>) json(newer).get("points")).isEmpty();
	}

	@Test
	void refusesABadSinceAsTheService() {
		Response bad = this.responses.history("soon");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(json(bad).get("error")).asString().startsWith("Invalid 'since' parameter 'soon'");
	}

	private static Map<String, Object> json(Response response) {
		return JSON.readValue(new String(response.body(), StandardCharsets.UTF_8), new TypeReference<>() {
		});
	}

}
