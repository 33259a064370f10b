package dev.example.host;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host decides what its liveness probe carries: a group it configured stays exactly
 * as configured; the one it did not configure gets the runtime checks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.group.liveness.include=livenessState",
				"management.endpoint.health.show-details=always" })
class WithItsOwnLivenessGroupTests {

	@LocalServerPort
	int port;

	@Test
	void livenessIsAsTheHostWroteIt() throws Exception {
		assertThat(Http.json(this.port, "/actuator/health/liveness").path("components").propertyNames())
			.containsExactly("livenessState");
	}

	@Test
	void readinessStillCarriesTheRuntimeChecks() throws Exception {
		assertThat(Http.json(this.port, "/actuator/health/readiness").path("components").propertyNames())
			.contains("readinessState", "runtimeReadiness");
	}

}
