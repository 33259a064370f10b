package dev.example.host;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose {@code threads} check rises at once (a warning at one thread, no
 * sustain), so the monitor captures the live threads grouped by name. The log always
 * has them; the runtime report shows them only to whoever may see the host's health
 * details.
 */
class EvidenceBehindHealthDetailsTests {

	private static final String RISING_THREADS = "runtime-monitor.checks.threads.warning=1";

	private static final String NO_SUSTAIN = "runtime-monitor.checks.threads.sustain=0s";

	private static String level(JsonNode report, String check) {
		for (JsonNode entry : report.path("checks")) {
			if (entry.path("check").asString().equals(check)) {
				return entry.path("level").asString();
			}
		}
		throw new AssertionError("No check '" + check + "' in " + report);
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,runtime", RISING_THREADS, NO_SUSTAIN })
	@ExtendWith(OutputCaptureExtension.class)
	class WithDetailsNeverShown {

		@LocalServerPort
		int port;

		@Test
		void theReportLeavesTheEvidenceOutAndTheLogHasIt(CapturedOutput output) throws Exception {
			JsonNode report = Http.json(this.port, "/actuator/runtime");
			assertThat(level(report, "threads")).isEqualTo("warning");
			assertThat(report.propertyNames()).contains("checks").doesNotContain("evidence");
			assertThat(output.getAll()).contains("Runtime evidence for check 'threads' (warning)");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoints.web.exposure.include=health,runtime",
					"management.endpoint.health.show-details=always", RISING_THREADS, NO_SUSTAIN })
	class WithDetailsAlwaysShown {

		@LocalServerPort
		int port;

		@Test
		void theReportHasTheEvidence() throws Exception {
			JsonNode report = Http.json(this.port, "/actuator/runtime");
			assertThat(report.path("evidence").path("checks").path("threads").path("kind").asString())
				.isEqualTo("thread-groups");
		}

	}

}
