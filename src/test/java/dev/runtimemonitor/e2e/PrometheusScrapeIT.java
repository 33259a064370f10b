package dev.runtimemonitor.e2e;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.testsupport.AcceptPinningProxy;
import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.ExternalTool;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.Prometheus;
import dev.runtimemonitor.testsupport.Promtool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scraping the packaged jar, once in each exposition format. Prometheus
 * 2.42 always asks for OpenMetrics first, so the job {@code openmetrics} scrapes the
 * service directly and the job {@code text} scrapes it through a pass-through that pins
 * {@code Accept: text/plain;version=0.0.4}, as an older Prometheus or
 * {@code scrape_protocols: [PrometheusText0.0.4]} would ask. Which format Prometheus
 * parsed shows in its metadata: OpenMetrics names a counter family without
 * {@code _total}, the text format with it.
 */
class PrometheusScrapeIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration SCRAPED = Duration.ofSeconds(30);

	private static final String TEXT_FORMAT = "text/plain;version=0.0.4";

	private static AppProcess app;

	private static int port;

	@BeforeAll
	static void startService() throws Exception {
		Promtool.require();
		app = AppProcess.start(List.of(), List.of("--spring.profiles.active=demo", "--runtime-monitor.interval=500ms"));
		port = app.awaitPort(START_TIMEOUT);
		// A few collections, so that the GC pause histogram has observations.
		assertThat(Http.post(port, "/demo/garbage?megabytesPerSecond=200&seconds=2").statusCode()).isEqualTo(202);
	}

	@AfterAll
	static void stopService() throws InterruptedException {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void prometheusScrapesBothFormatsAndQueriesTheRuntimeMeters() throws Exception {
		try (AcceptPinningProxy text = AcceptPinningProxy.start(port, TEXT_FORMAT);
				Prometheus prometheus = Prometheus.builder()
					.scrape("openmetrics", "127.0.0.1:" + port, "/metrics")
					.scrape("text", text.address(), "/metrics")
					.start()) {
			prometheus.awaitTargetUp("openmetrics", SCRAPED);
			prometheus.awaitTargetUp("text", SCRAPED);
			assertThat(metadata(prometheus, "openmetrics", "runtime_memory_allocated_bytes")).isNotEmpty()
				.allSatisfy((entry) -> assertThat(entry.get("type").asString()).isEqualTo("counter"));
			assertThat(metadata(prometheus, "openmetrics", "runtime_memory_allocated_bytes_total")).isEmpty();
			assertThat(metadata(prometheus, "text", "runtime_memory_allocated_bytes_total")).isNotEmpty()
				.allSatisfy((entry) -> assertThat(entry.get("type").asString()).isEqualTo("counter"));
			assertThat(metadata(prometheus, "text", "runtime_memory_allocated_bytes")).isEmpty();
			for (String job : List.of("openmetrics", "text")) {
				assertThat(prometheus.query("up{job='" + job + "'}")).singleElement()
					.satisfies((sample) -> assertThat(value(sample)).isEqualTo("1"));
				await().atMost(SCRAPED)
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(
							() -> assertThat(prometheus.query("runtime_check_level{job='" + job + "',check='threads'}"))
								.singleElement()
								.satisfies((sample) -> assertThat(value(sample)).isEqualTo("0")));
				await().atMost(SCRAPED)
					.pollInterval(Duration.ofMillis(500))
					.untilAsserted(() -> assertThat(
							prometheus.query("runtime_gc_pause_seconds_bucket{job='" + job + "',le='+Inf'}"))
						.as("runtime_gc_pause_seconds_bucket of job %s", job)
						.isNotEmpty());
			}
		}
	}

	@Test
	void promtoolFindsNoProblemInTheRuntimeFamilies() throws Exception {
		String exposition = Http.get(port, "/metrics", TEXT_FORMAT).body();
		assertThat(exposition).contains("# TYPE runtime_check_level gauge");
		ExternalTool.Result lint = Promtool.require().checkMetrics(exposition);
		// Spring's own families have known findings (units in names, no help); ours none.
		assertThat(lint.lines()).as(lint.output())
			.noneMatch((line) -> line.startsWith("runtime_"))
			.noneMatch((line) -> line.contains("error"));
	}

	private static List<JsonNode> metadata(Prometheus prometheus, String job, String metric) {
		JsonNode answer = prometheus
			.api("/api/v1/targets/metadata?match_target=%7Bjob%3D%22" + job + "%22%7D&metric=" + metric);
		return answer.get("data").valueStream().toList();
	}

	private static String value(JsonNode sample) {
		return sample.get("value").get(1).asString();
	}

}
