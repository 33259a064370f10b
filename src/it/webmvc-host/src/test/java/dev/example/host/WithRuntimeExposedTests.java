package dev.example.host;

import org.junit.jupiter.api.Test;

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
		assertThat(Http.get(this.port, "/actuator/health").body()).contains("\"runtime\"")
			.contains("\"threads\"")
			.contains("\"deadlock\"")
			.doesNotContain("runtimeLiveness");
	}

	@Test
	void theProbesCarryTheChecksThatFeedThem() throws Exception {
		assertThat(Http.get(this.port, "/actuator/health/liveness").body()).contains("\"livenessState\"")
			.contains("\"runtimeLiveness\"")
			.contains("\"deadlock\"")
			.doesNotContain("\"gc-pause\"");
		assertThat(Http.get(this.port, "/actuator/health/readiness").body()).contains("\"readinessState\"")
			.contains("\"runtimeReadiness\"")
			.contains("\"gc-pause\"");
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
		assertThat(Http.get(this.port, "/actuator/runtime").body()).contains("\"checks\"").contains("\"advice\"");
	}

}
