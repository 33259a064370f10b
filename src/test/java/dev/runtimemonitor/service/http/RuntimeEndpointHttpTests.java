package dev.runtimemonitor.service.http;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /runtime} in both formats, {@code /runtime/history} and the runtime part of
 * {@code /info}, on a real port, sampling every 100ms with a history of 5 points.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "runtime-monitor.interval=100ms", "runtime-monitor.history-size=5" })
class RuntimeEndpointHttpTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private JsonNode getJson(String path) {
		HttpResponse<String> response = Http.get(this.port, path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	@Test
	void reportIsJsonByDefaultWithEverySection() {
		HttpResponse<String> response = Http.get(this.port, "/runtime");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.spring-boot.actuator.v3+json");
		JsonNode report = json.readTree(response.body());
		assertThat(Instant.parse(report.get("sampledAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(report.at("/runtime/gc/collector").asString()).isEqualTo("G1");
		assertThat(report.at("/runtime/availableProcessors").asInt())
			.isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(report.at("/runtime/heap/maxBytes").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());
		assertThat(report.at("/checks/0/check").asString()).isEqualTo("threads");
		assertThat(report.at("/checks/0/level").asString()).isEqualTo("ok");
		assertThat(report.at("/checks/0/critical").asInt()).isEqualTo(5000);
		assertThat(report.at("/gc/pauseSource").asString()).isEqualTo("jfr");
		assertThat(report.at("/pauseGoal/seconds").asDouble()).isEqualTo(0.2);
		assertThat(report.at("/heap/committedBytes").asLong()).isPositive();
		assertThat(report.get("advice").isArray()).isTrue();
		assertThat(report.at("/threads/live").asInt()).isPositive();
	}

	@Test
	void reportIsPlainJsonWhenAskedFor() {
		HttpResponse<String> response = Http.get(this.port, "/runtime", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

	@Test
	void reportIsTextForAcceptTextPlain() {
		HttpResponse<String> response = Http.get(this.port, "/runtime", "text/plain");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(response.body()).startsWith("Runtime report, sampled at ")
			.containsSubsequence("RUNTIME", "CHECKS", "GC (G1, pauses from jfr", "HEAP", "ADVICE")
			.containsPattern("\n  threads +ok +\\d+ threads +1000 threads +5000 threads +60s ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/runtime", "/runtime/history" })
	void refusesFormatsItCannotWrite(String path) {
		HttpResponse<String> response = Http.get(this.port, path, "application/xml");
		assertThat(response.statusCode()).isEqualTo(406);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void historyIsBoundedToItsSize() {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> getJson("/runtime/history").get("points").size() == 5);
		long newest = getJson("/runtime/history").at("/points/4/epochMillis").asLong();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> getJson("/runtime/history").at("/points/0/epochMillis").asLong() > newest);
		JsonNode history = getJson("/runtime/history");
		assertThat(history.get("points").size()).isEqualTo(5);
		assertThat(history.get("capacity").asInt()).isEqualTo(5);
		assertThat(history.get("intervalSeconds").asDouble()).isEqualTo(0.1);
		JsonNode point = history.at("/points/4");
		assertThat(point.get("threads").asInt()).isPositive();
		assertThat(point.get("heapCommittedBytes").asLong()).isPositive();
		assertThat(point.get("residentBytes").asLong()).isPositive();
		assertThat(point.at("/levels/threads").asString()).isEqualTo("ok");
	}

	@Test
	void historySinceGivesOnlyNewerPoints() {
		await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/runtime/history").get("points").size() >= 3);
		JsonNode points = getJson("/runtime/history").get("points");
		long since = points.get(1).get("epochMillis").asLong();
		JsonNode newer = getJson("/runtime/history?since=" + since).get("points");
		assertThat(newer.size()).isPositive();
		newer.forEach((point) -> assertThat(point.get("epochMillis").asLong()).isGreaterThan(since));
		assertThat(newer.get(0).get("epochMillis").asLong()).isEqualTo(points.get(2).get("epochMillis").asLong());
		String iso = URLEncoder.encode(Instant.ofEpochMilli(since).toString(), StandardCharsets.UTF_8);
		assertThat(getJson("/runtime/history?since=" + iso).get("points").get(0).get("epochMillis").asLong())
			.isEqualTo(points.get(2).get("epochMillis").asLong());
		assertThat(getJson("/runtime/history?since=" + Long.MAX_VALUE).get("points").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "-5", "2026-13-45T99:00:00Z", "1.5", "99999999999999999999" })
	void badSinceIsABadRequestThatSaysWhy(String since) {
		HttpResponse<String> response = Http.get(this.port,
				"/runtime/history?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Invalid 'since' parameter")
			.contains("epoch milliseconds")
			.contains("ISO-8601")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	@Test
	void otherPartsOfTheReportAreNotFound() {
		HttpResponse<String> response = Http.get(this.port, "/runtime/heapdump");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void infoCarriesTheBasicRuntimeInformation() {
		JsonNode runtime = getJson("/info").get("runtime");
		assertThat(runtime.get("version").asString()).isEqualTo(Runtime.version().toString());
		assertThat(runtime.get("availableProcessors").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(runtime.get("os").asString()).startsWith(System.getProperty("os.name"));
		assertThat(runtime.get("arch").asString()).isEqualTo(System.getProperty("os.arch"));
		assertThat(runtime.at("/gc/collector").asString()).isEqualTo("G1");
		assertThat(runtime.at("/heap/maxBytes").asLong()).isEqualTo(Runtime.getRuntime().maxMemory());
		assertThat(getJson("/info").has("java")).as("Spring's own contributors stay").isTrue();
	}

}
