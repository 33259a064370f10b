package dev.example.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as an operator runs it: {@code java -javaagent:…=host:port:file -jar} its
 * own jar. There the application's libraries are nested in its jar and loaded by Spring
 * Boot's class loader, which asks the class path's loader, the agent's, first: any class
 * or service file of the agent's under a library's own name would win over the
 * application's.
 */
class AgentWithThePackagedApplicationIT {

	private static final int AGENT_PORT = Integer.parseInt(System.getProperty("agent.port"));

	private static final int APP_PORT = Integer.parseInt(System.getProperty("app.port"));

	/** Seconds on an idle machine; far more where other builds share its cores. */
	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final StringBuffer output = new StringBuffer();

	private static Process process;

	@BeforeAll
	static void startTheApplicationWithTheAgent() throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-javaagent:" + System.getProperty("agent.jar") + "=127.0.0.1:" + AGENT_PORT + ":"
						+ System.getProperty("agent.properties"),
				"-jar", System.getProperty("app.jar"), "--server.port=" + APP_PORT);
		process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(AgentWithThePackagedApplicationIT::readOutput, "application-output");
		reader.setDaemon(true);
		reader.start();
		// The application's port is closed until it has started.
		try {
			await().atMost(START_TIMEOUT)
				.ignoreException(ConnectException.class)
				.failFast("The application stopped", () -> !process.isAlive())
				.untilAsserted(() -> {
					assertThat(Http.get(APP_PORT, "/actuator/health").statusCode()).isEqualTo(200);
					assertThat(Http.get(AGENT_PORT, "/runtime").statusCode()).isEqualTo(200);
				});
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError("The application did not start with the agent:\n" + output, ex);
		}
	}

	@AfterAll
	static void stopTheApplication() throws InterruptedException {
		if (process != null) {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void theApplicationKeepsItsOwnLibraries() throws Exception {
		HostLibraries.assertTheApplicationsOwn(Http.get(APP_PORT, "/libraries").body());
	}

	@Test
	void eachScrapeKeepsToItsOwnMeters() throws Exception {
		HttpResponse<String> application = Http.get(APP_PORT, "/actuator/prometheus");
		assertThat(application.statusCode()).isEqualTo(200);
		assertThat(application.body()).contains("jvm_memory_used_bytes{", "http_server_requests_seconds_count{")
			.doesNotContain("runtime_");
		HttpResponse<String> agent = Http.get(AGENT_PORT, "/metrics");
		assertThat(agent.statusCode()).isEqualTo(200);
		assertThat(agent.body()).contains("runtime_check_level{check=\"threads\"} 0.0", "jvm_memory_used_bytes{")
			.doesNotContain("http_server_requests", "tomcat_", "logback_events");
		assertThat(Http.get(AGENT_PORT, "/health").statusCode()).isEqualTo(200);
	}

	@Test
	void theApplicationLogsThroughLogbackAndTheAgentOnItsOwn() {
		String started = "INFO RuntimeMonitorAgent - Runtime monitor sampling every 100ms: metrics at http://127.0.0.1:"
				+ AGENT_PORT + "/metrics";
		assertThat(output.toString())
			.containsPattern("(?m)^\\S+\\s+INFO \\d+ --- \\[.*\\] dev\\.example\\.host\\.HostApplication\\s+: Started ")
			.contains("[runtime-monitor-start] " + started)
			.doesNotContain("SLF4J");
	}

	private static void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				output.append(line).append('\n');
			}
		}
		catch (IOException ex) {
			output.append("[output closed: ").append(ex.getMessage()).append("]\n");
		}
	}

}
