package dev.example.host;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host exposing what it wants to see: the runtime checks in its health, its probes
 * and its Prometheus scrape, and the runtime report.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,prometheus,runtime",
				"management.endpoint.health.show-details=always" })
class WithRuntimeExposedTests {

	@LocalServerPort
	int port;

	@Test
	void healthShowsEveryRuntimeCheck() throws Exception {
		JsonNode components = Http.json(this.port, "/actuator/health").path("components");
		assertThat(components.propertyNames()).contains("runtime").doesNotContain("runtimeLiveness", "runtimeReadiness");
		assertThat(components.path("runtime").path("details").path("checks").propertyNames()).contains("threads", "deadlock");
	}

	@Test
	void theProbesCarryTheChecksThatFeedThem() throws Exception {
		JsonNode liveness = Http.json(this.port, "/actuator/health/liveness").path("components");
		assertThat(liveness.propertyNames()).contains("livenessState", "runtimeLiveness");
		assertThat(liveness.path("runtimeLiveness").path("details").path("checks").propertyNames()).contains("deadlock")
			.doesNotContain("gc-pause");
		JsonNode readiness = Http.json(this.port, "/actuator/health/readiness").path("components");
		assertThat(readiness.propertyNames()).contains("readinessState", "runtimeReadiness");
		assertThat(readiness.path("runtimeReadiness").path("details").path("checks").propertyNames()).contains("gc-pause");
	}

	@Test
	void theScrapeHasTheRuntimeMeters() throws Exception {
		assertThat(Http.get(this.port, "/actuator/prometheus").body())
			.contains("runtime_check_value{check=\"threads\"}")
			.contains("runtime_check_level{check=\"heap\"}")
			.contains("runtime_sample_duration_seconds_count")
			.contains("jvm_threads_live_threads");
	}

	@Test
	void theReportIsThere() throws Exception {
		assertThat(Http.json(this.port, "/actuator/runtime").propertyNames()).contains("checks", "advice");
	}

}
