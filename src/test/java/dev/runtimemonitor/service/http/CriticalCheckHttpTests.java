package dev.runtimemonitor.service.http;

import java.net.http.HttpResponse;

import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check forced critical from the first sample: threads at or above 1, no sustain. The
 * threads check feeds liveness, so liveness and the overall health are 503 while
 * readiness stays 200.
 */
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "runtime-monitor.checks.threads.warning=1",
		"runtime-monitor.checks.threads.critical=1", "runtime-monitor.checks.threads.sustain=0s" })
class CriticalCheckHttpTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void overallHealthIsDownWithTheCriticalCheckInTheDetails() {
		HttpResponse<String> response = Http.get(this.port, "/health");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode health = json.readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		JsonNode threads = health.at("/components/runtime/details/checks/threads");
		assertThat(threads.get("level").asString()).isEqualTo("critical");
		assertThat(threads.get("critical").asDouble()).isEqualTo(1);
	}

	@Test
	void livenessGroupOfTheCheckIsDown() {
		HttpResponse<String> response = Http.get(this.port, "/health/liveness");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode liveness = json.readTree(response.body());
		assertThat(liveness.get("components").propertyNames()).contains("livenessState", "runtimeLiveness");
		assertThat(liveness.at("/components/runtimeLiveness/status").asString()).isEqualTo("DOWN");
	}

	@Test
	void readinessGroupWithoutTheCheckIsUp() {
		HttpResponse<String> response = Http.get(this.port, "/health/readiness");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode readiness = json.readTree(response.body());
		assertThat(readiness.get("components").propertyNames()).contains("readinessState", "runtimeReadiness");
		assertThat(readiness.at("/components/runtimeReadiness/details/checks").propertyNames())
			.doesNotContain("threads");
	}

	@Test
	void metricsShowTheCriticalLevel() {
		assertThat(Http.get(this.port, "/metrics").body()).contains("runtime_check_level{check=\"threads\"} 2.0");
	}

}
