package dev.runtimemonitor.service.http;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.ThisJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it starts by default: endpoints at the root, healthy, nothing else
 * exposed.
 */
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EndpointsHttpTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/**
	 * The health JSON's keys, not its text: {@code show-details=always} puts the working
	 * directory in the disk space's details, and a checkout path may hold any word.
	 */
	@Test
	void healthIsUpWithEveryCheckInTheDetails() {
		HttpResponse<String> response = Http.get(this.port, "/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json.readTree(response.body());
		JsonNode details = health.at("/components/runtime/details");
		assertThat(details.get("sampledAt").asString()).isNotEmpty();
		assertThat(details.at("/checks/threads/level").asString()).isEqualTo("ok");
		assertThat(details.at("/checks/sampler/level").asString()).isEqualTo("ok");
		assertThat(health.get("components").propertyNames()).contains("runtime")
			.doesNotContain("runtimeLiveness", "runtimeReadiness");
	}

	@Test
	void probeGroupsAreUpAndCarryTheirChecks() {
		HttpResponse<String> liveness = Http.get(this.port, "/health/liveness");
		HttpResponse<String> readiness = Http.get(this.port, "/health/readiness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(json.readTree(liveness.body()).at("/components/runtimeLiveness/details/checks").propertyNames())
			.contains("deadlock", "sampler")
			.doesNotContain("gc-overhead");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(json.readTree(readiness.body()).at("/components/runtimeReadiness/details/checks").propertyNames())
			.contains("gc-overhead")
			.doesNotContain("deadlock");
	}

	@Test
	void metricsInPrometheusTextHaveTheRuntimeMeters() {
		HttpResponse<String> response = Http.get(this.port, "/metrics");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain;version=0.0.4"));
		assertThat(response.body()).contains("runtime_check_value{check=\"threads\"}")
			.contains("runtime_check_level{check=\"heap\"} 0.0")
			.contains("runtime_check_threshold{check=\"threads\",level=\"critical\"} 5000.0")
			.contains("runtime_sample_duration_seconds_count")
			.contains("runtime_sample_errors_total{source=\"memory\"} 0.0")
			.contains("runtime_memory_allocated_bytes_total")
			.contains("runtime_process_resident_memory_bytes")
			.contains("runtime_threads_growth_rate")
			.contains("jvm_threads_live_threads")
			.contains("process_cpu_usage");
	}

	/**
	 * The pause that {@link System#gc()} causes, under whichever collector this JVM runs
	 * (HotSpot picks Serial on a small machine).
	 */
	@Test
	void metricsHaveTheNanosecondPauseHistogram() {
		String labels = ThisJvm.systemGcPauseLabels();
		System.gc();
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(Http.get(this.port, "/metrics").body())
				.containsPattern("runtime_gc_pause_seconds_bucket\\{" + labels + ",le=\"1.0E-4\"} \\d")
				.containsPattern("runtime_gc_pause_seconds_count\\{" + labels + "}")
				.contains("runtime_check_value{check=\"gc-pause\"}")
				.contains("runtime_gc_pause_window_seconds{phi=\"0.99\"}"));
		assertThat(json.readTree(Http.get(this.port, "/health").body())
			.at("/components/runtime/details/gcPauseSource")
			.asString()).isEqualTo(ThisJvm.defaultPauseSource());
	}

	@Test
	void metricsInOpenMetricsByContentNegotiation() {
		HttpResponse<String> response = Http.get(this.port, "/metrics",
				"application/openmetrics-text; version=1.0.0; charset=utf-8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/openmetrics-text"));
		assertThat(response.body()).contains("# TYPE runtime_check_value gauge")
			.contains("runtime_sample_errors_total{source=\"memory\"} 0.0")
			.contains("# TYPE runtime_memory_allocated_bytes counter")
			.endsWith("# EOF\n");
	}

	@Test
	void blankAcceptHeaderGetsTheDefaultFormat() {
		HttpResponse<String> response = Http.get(this.port, "/metrics", "");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("runtime_check_value{check=\"threads\"}");
	}

	@Test
	void infoDescribesTheRuntime() {
		HttpResponse<String> response = Http.get(this.port, "/info");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).propertyNames()).contains("java", "os", "process");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/env", "/heapdump", "/threaddump", "/shutdown", "/loggers", "/beans", "/configprops",
			"/actuator", "/actuator/env", "/actuator/health", "/jolokia", "/mappings", "/conditions", "/scheduledtasks",
			"/health/nope/nope", "/health;/../env", "/sbom", "/startup", "/caches", "/httpexchanges", "/auditevents",
			"/logfile", "/actuator/runtime" })
	void otherEndpointsAreNotExposed(String path) {
		HttpResponse<String> response = Http.get(this.port, path);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
