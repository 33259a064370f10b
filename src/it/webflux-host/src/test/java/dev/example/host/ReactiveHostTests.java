package dev.example.host;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux host gets the same checks, probes and meters in its actuator, and keeps its
 * own pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,prometheus,runtime",
				"management.endpoint.health.show-details=always" })
class ReactiveHostTests {

	@LocalServerPort
	int port;

	@Test
	void theHostKeepsItsOwnPage() throws Exception {
		assertThat(Http.get(this.port, "/").body()).isEqualTo(HostApplication.HOME);
		assertThat(Http.get(this.port, "/index.html").statusCode()).isEqualTo(404);
	}

	@Test
	void healthProbesAndScrapeCarryTheRuntimeChecks() throws Exception {
		assertThat(Http.json(this.port, "/actuator/health").path("components").path("runtime").path("details")
			.path("checks")
			.propertyNames()).contains("threads");
		assertThat(Http.json(this.port, "/actuator/health/liveness").path("components").propertyNames())
			.contains("runtimeLiveness");
		assertThat(Http.json(this.port, "/actuator/health/readiness").path("components").propertyNames())
			.contains("runtimeReadiness");
		assertThat(Http.get(this.port, "/actuator/prometheus").body())
			.contains("runtime_check_value{check=\"threads\"}");
		assertThat(Http.json(this.port, "/actuator/runtime").propertyNames()).contains("checks");
	}

	// A scraper asks again and again on one kept-alive connection. Before the web server
	// was pinned (see the pom), one request in a few hundred was never answered.
	@Test
	void everyRequestOnAKeptAliveConnectionIsAnswered() throws Exception {
		for (int i = 0; i < 300; i++) {
			assertThat(Http.get(this.port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
	}

}
