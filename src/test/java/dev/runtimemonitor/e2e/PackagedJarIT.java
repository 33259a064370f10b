package dev.runtimemonitor.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, started with {@code java -jar} as a user starts it. No mocks.
 */
class PackagedJarIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	@Test
	void isHealthyWithTheDefaults() throws Exception {
		try (AppProcess app = AppProcess.start(List.of(), List.of("--runtime-monitor.interval=500ms"))) {
			int port = app.awaitPort(START_TIMEOUT);
			HttpResponse<String> health = Http.get(port, "/health");
			assertThat(health.statusCode()).as(app.output()).isEqualTo(200);
			assertThat(health.body()).contains("\"runtime\"").contains("\"threads\":{\"level\":\"ok\"");
			assertThat(Http.get(port, "/health/liveness").statusCode()).isEqualTo(200);
			assertThat(Http.get(port, "/health/readiness").statusCode()).isEqualTo(200);
			assertThat(Http.get(port, "/metrics").body()).contains("runtime_check_level{check=\"threads\"} 0.0");
			assertThat(app.output()).contains("Runtime monitor sampling every 500ms: metrics at http://localhost:"
					+ port + "/metrics, health at http://localhost:" + port + "/health");
		}
	}

	@Test
	void turnsUnhealthyWhenThreadsStayAboveTheCriticalLimit() throws Exception {
		Duration interval = Duration.ofMillis(500);
		Duration sustain = Duration.ofSeconds(2);
		try (AppProcess app = AppProcess.start(List.of(),
				List.of("--runtime-monitor.interval=500ms", "--runtime-monitor.checks.threads.warning=2",
						"--runtime-monitor.checks.threads.critical=3",
						"--runtime-monitor.checks.threads.sustain=2s"))) {
			int port = app.awaitPort(START_TIMEOUT);
			await().atMost(sustain.plus(interval).plusSeconds(2))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Http.get(port, "/health").statusCode() == 503);
			assertThat(Http.get(port, "/health").body()).contains("\"threads\":{\"level\":\"critical\"");
			assertThat(Http.get(port, "/health/liveness").statusCode()).isEqualTo(503);
			assertThat(Http.get(port, "/health/readiness").statusCode()).isEqualTo(200);
			assertThat(app.output()).contains("Runtime check 'threads' is critical");
		}
	}

	@Test
	void refusesToStartWithABadThresholdAndNamesTheProperty() throws Exception {
		try (AppProcess app = AppProcess.start(List.of(), List.of("--runtime-monitor.checks.heap.warning=1.5"))) {
			assertThat(app.awaitExit(START_TIMEOUT)).isNotZero();
			assertThat(app.output()).contains("runtime-monitor.checks.heap.warning")
				.contains("must be a ratio between 0 and 1")
				.doesNotContain("Tomcat started");
		}
	}

}
