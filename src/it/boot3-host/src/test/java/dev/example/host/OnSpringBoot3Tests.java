package dev.example.host;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3 application with the library on its class path starts as it would
 * without it, keeps its own page and health, and is told in one line why the library adds
 * nothing and that the Java agent is the way to monitor it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,prometheus,runtime",
				"management.endpoint.health.show-details=always" })
class OnSpringBoot3Tests {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	@Test
	void theHostRunsOnSpringBoot3AndJava17() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.");
		assertThat(Runtime.version().feature()).isEqualTo(17);
	}

	@Test
	void theHostKeepsItsOwnPageAndHealth() throws Exception {
		assertThat(get("/").body()).isEqualTo(HostApplication.HOME);
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode json = new ObjectMapper().readTree(health.body());
		assertThat(json.path("status").asText()).isEqualTo("UP");
		assertThat(json.path("components").fieldNames()).toIterable()
			.isNotEmpty()
			.noneMatch((name) -> name.startsWith("runtime"));
		assertThat(get("/actuator/runtime").statusCode()).isEqualTo(404);
	}

	@Test
	void oneWarningSaysWhyTheLibraryAddsNothing(CapturedOutput output) {
		// The library's own words only: the working directory, which the log prints, may be
		// a clone named runtime-monitor.
		List<String> lines = output.getAll()
			.lines()
			.filter((line) -> line.contains("runtime-monitor needs"))
			.collect(Collectors.toList());
		assertThat(lines).singleElement()
			.asString()
			.contains("WARN")
			.contains("runtime-monitor needs Spring Boot 4.0 or later and found Spring Boot " + SpringBootVersion.getVersion())
			.contains("or start its JVM with the runtime-monitor Java agent in place of the library (Java 17 or later):"
					+ " -javaagent:runtime-monitor-agent.jar=9404");
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Caused by");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
