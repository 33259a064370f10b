package dev.runtimemonitor.service.http;

import java.net.http.HttpResponse;

import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;

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

	@LocalServerPort
	int port;

	@Test
	void overallHealthIsDownWithTheCriticalCheckInTheDetails() {
		HttpResponse<String> response = Http.get(this.port, "/health");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("\"status\":\"DOWN\"")
			.contains("\"threads\":{\"level\":\"critical\"")
			.contains("\"critical\":1");
	}

	@Test
	void livenessGroupOfTheCheckIsDown() {
		HttpResponse<String> response = Http.get(this.port, "/health/liveness");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("livenessState").contains("runtimeLiveness");
	}

	@Test
	void readinessGroupWithoutTheCheckIsUp() {
		HttpResponse<String> response = Http.get(this.port, "/health/readiness");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("readinessState").doesNotContain("\"threads\"");
	}

	@Test
	void metricsShowTheCriticalLevel() {
		assertThat(Http.get(this.port, "/metrics").body()).contains("runtime_check_level{check=\"threads\"} 2.0");
	}

}
