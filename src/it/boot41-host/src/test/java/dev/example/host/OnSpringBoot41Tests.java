package dev.example.host;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4.1 the host gets what it gets on 4.0: the runtime checks in its health
 * and its probes, the runtime meters in its scrape, and keeps its own page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,prometheus,runtime",
				"management.endpoint.health.show-details=always" })
class OnSpringBoot41Tests {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void theHostRunsOnSpringBoot41() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.1.");
	}

	@Test
	void healthProbesScrapeAndReportCarryTheRuntimeChecks() throws Exception {
		assertThat(json("/actuator/health").path("components").path("runtime").path("details").path("checks")
			.propertyNames()).contains("threads", "deadlock");
		assertThat(json("/actuator/health/liveness").path("components").propertyNames()).contains("livenessState",
				"runtimeLiveness");
		assertThat(json("/actuator/health/readiness").path("components").propertyNames()).contains("readinessState",
				"runtimeReadiness");
		assertThat(get("/actuator/prometheus").body()).contains("runtime_check_value{check=\"threads\"}")
			.contains("runtime_check_level{check=\"heap\"}")
			.contains("jvm_threads_live_threads");
		assertThat(json("/actuator/runtime").propertyNames()).contains("checks", "advice");
		assertThat(get("/").body()).isEqualTo(HostApplication.HOME);
	}

	private JsonNode json(String path) throws Exception {
		return mapper.readTree(get(path).body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
