package dev.runtimemonitor.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.testsupport.AgentProcess;
import dev.runtimemonitor.testsupport.Http;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent in a JVM whose class path also holds the library jar and its Micrometer, as a
 * Spring Boot 4 application's or a server's with the library in a web application does:
 * the agent's copy of the library is renamed, so neither copy is loaded for the other.
 */
class AgentBesideTheLibraryIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void startsAndServesItsMetrics() throws Exception {
		try (AgentProcess agent = AgentProcess.start(List.of(),
				List.of(Path.of(System.getProperty("library.jar")), AgentProcess.locationOf(MeterRegistry.class)),
				"127.0.0.1:0", 120)) {
			int port = agent.awaitPort(TIMEOUT);
			assertThat(Http.get(port, "/metrics").body()).as(agent::output)
				.contains("runtime_check_level{check=\"threads\"}");
			assertThat(agent.output()).doesNotContain("Error", "\tat ");
		}
	}

}
