package dev.example.host;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot 3.5 service on Java 17, with its own actuator and Micrometer 1.15, tested
 * with the agent on its JVM (the build's surefire arguments): the application keeps its
 * own scrape, registries and logging, the agent serves its paths on its own port, a check
 * turns critical and back through the application's own load, and the agent counts every
 * GC pause the JVM logs.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AgentBesideTheApplicationTests {

	private static final int AGENT_PORT = Integer.parseInt(System.getProperty("agent.port"));

	private static final Path GC_LOG = Path.of(System.getProperty("gc.log"));

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** A GC log line of one stop-the-world pause, under any collector. */
	private static final Pattern PAUSE_LINE = Pattern.compile("\\bGC\\(\\d+\\) Pause ");

	private static final String THREADS_LEVEL = "runtime_check_level{check=\"threads\"}";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	/** The agent serves its paths once it has taken its first sample. */
	@BeforeAll
	static void awaitTheAgentsFirstSample() {
		await().atMost(TIMEOUT).until(() -> agent("/runtime").statusCode() == 200);
	}

	@Test
	void theHostRunsSpringBoot35OnJava17WithAnotherMicrometerThanTheAgents() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		assertThat(Runtime.version().feature()).isEqualTo(17);
		assertThat(Metrics.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.contains("/micrometer-core-1.15.");
		assertThat(System.getProperty("agent.micrometer.version")).matches("\\d+\\.\\d+\\..*")
			.doesNotStartWith("1.15.");
	}

	@Test
	void theApplicationKeepsItsOwnLibraries() throws Exception {
		HostLibraries.assertTheApplicationsOwn(get("/libraries").body());
		assertThat(Metrics.globalRegistry.getRegistries()).containsExactly(this.registry);
		assertThat(this.registry.getMeters()).isNotEmpty()
			.noneMatch((meter) -> meter.getId().getName().startsWith("runtime."));
	}

	@Test
	void theApplicationsScrapeKeepsBootsJvmMetersAndNoneOfTheAgents() throws Exception {
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		await().atMost(TIMEOUT).untilAsserted(() -> {
			HttpResponse<String> scrape = get("/actuator/prometheus");
			assertThat(scrape.statusCode()).isEqualTo(200);
			assertThat(scrape.body())
				.contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
						"process_uptime_seconds ", "http_server_requests_seconds_count{")
				.doesNotContain("runtime_");
		});
	}

	@Test
	void theAgentsScrapeKeepsToItsOwnMetersAndNoneOfTheApplications() throws Exception {
		get("/actuator/health");
		HttpResponse<String> scrape = agent("/metrics");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body())
			.contains(THREADS_LEVEL, "runtime_gc_pause_seconds_count", "jvm_memory_used_bytes{",
					"jvm_threads_live_threads ", "process_uptime_seconds ")
			.doesNotContain("http_server_requests", "tomcat_", "logback_events", "application_ready_time", "executor_");
	}

	@Test
	void theAgentsPathsAnswerOnItsPort() throws Exception {
		HttpResponse<String> health = agent("/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(health.body()).startsWith("{\"status\":\"UP\"")
			.contains("\"runtimeLiveness\"", "\"runtimeReadiness\"");
		assertThat(agent("/health/liveness").statusCode()).isEqualTo(200);
		assertThat(agent("/health/readiness").statusCode()).isEqualTo(200);
		HttpResponse<String> report = agent("/runtime");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).startsWith("{").contains("\"checks\"");
		assertThat(Http.get(AGENT_PORT, "/runtime", "text/plain").body()).startsWith("Runtime report");
		assertThat(agent("/actuator/prometheus").statusCode()).isEqualTo(404);
	}

	@Test
	void theThreadsCheckTurnsCriticalAndBackThroughTheApplicationsLoad(CapturedOutput output) throws Exception {
		assertThat(metric(agent("/metrics").body(), THREADS_LEVEL)).isZero();
		try {
			HttpResponse<String> parked = post("/threads/park?count=250");
			assertThat(parked.statusCode()).isEqualTo(200);
			assertThat(parked.body()).isEqualTo("{\"parked\":250}");
			await().atMost(TIMEOUT).untilAsserted(() -> {
				assertThat(metric(agent("/metrics").body(), THREADS_LEVEL)).isEqualTo(2);
				assertThat(agent("/health/liveness").statusCode()).isEqualTo(503);
			});
			assertThat(agent("/health").statusCode()).isEqualTo(503);
			// The agent adds nothing to the application's own health.
			assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
			assertThat(metric(get("/actuator/prometheus").body(), "jvm_threads_live_threads")).isGreaterThan(250);
		}
		finally {
			assertThat(post("/threads/release").statusCode()).isEqualTo(200);
		}
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(metric(agent("/metrics").body(), THREADS_LEVEL)).isZero();
			assertThat(agent("/health/liveness").statusCode()).isEqualTo(200);
		});
		// The application's log lines are Logback's, in Spring Boot's console pattern.
		assertThat(output.getOut()).containsPattern(
				"(?m)^\\S+\\s+INFO \\d+ --- \\[.*\\] dev\\.example\\.host\\.ParkedThreads\\s+: Parked 250 threads$");
	}

	@Test
	void theAgentCountsEveryPauseTheGcLogs() {
		// Pauses before the agent started its recording are in the log, not the agent's:
		// how many more the log has is read while nothing collects, and must hold across
		// the collections this test asks for.
		PauseCounts before = steadyPauseCounts();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			PauseCounts now = pauseCounts();
			assertThat(now.logged()).isGreaterThanOrEqualTo(before.logged() + 3);
			assertThat(now.notCounted()).as("pauses logged and not counted by the agent (%s before)", before)
				.isEqualTo(before.notCounted());
		});
	}

	/** The pause counts once they have not moved for half a second. */
	private static PauseCounts steadyPauseCounts() {
		PauseCounts[] last = new PauseCounts[1];
		return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
			PauseCounts now = pauseCounts();
			PauseCounts previous = last[0];
			last[0] = now;
			return now.equals(previous) ? now : null;
		}, Objects::nonNull);
	}

	private static PauseCounts pauseCounts() throws Exception {
		long counted = (long) sum(agent("/metrics").body(), "runtime_gc_pause_seconds_count");
		long logged;
		try (Stream<String> lines = Files.lines(GC_LOG)) {
			logged = lines.filter((line) -> PAUSE_LINE.matcher(line).find()).count();
		}
		return new PauseCounts(logged, counted);
	}

	/** The value of the sample whose name and labels are given whole. */
	private static double metric(String scrape, String sample) {
		return scrape.lines()
			.filter((line) -> line.startsWith(sample + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(sample.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + sample + " in\n" + scrape));
	}

	/** The sum of a meter's samples over all its labels. */
	private static double sum(String scrape, String name) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return Http.get(this.port, path);
	}

	private HttpResponse<String> post(String path) throws Exception {
		return Http.post(this.port, path);
	}

	private static HttpResponse<String> agent(String path) throws Exception {
		return Http.get(AGENT_PORT, path);
	}

	private record PauseCounts(long logged, long counted) {

		long notCounted() {
			return this.logged - this.counted;
		}

	}

}
