package dev.runtimemonitor.service.http;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.history.HistoryPoint;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.RuntimeJson;
import dev.runtimemonitor.testsupport.ThisJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /runtime} in both formats, {@code /runtime/history} and the runtime part of
 * {@code /info}, on a real port, with a history of 5 points. The schedule ticks once at
 * start-up and then not for an hour: the tests tick the monitor themselves, so the
 * history holds exactly the points they made however slowly the machine answers, and a
 * report's sample is one they took.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "runtime-monitor.interval=1h", "runtime-monitor.window=2h", "runtime-monitor.history-size=5" })
class RuntimeEndpointHttpTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RuntimeMonitor monitor;

	@Autowired
	RuntimeHistory history;

	private JsonNode getJson(String path) {
		HttpResponse<String> response = Http.get(this.port, path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/**
	 * Ticks the monitor once, at a millisecond after the newest point's, so that every
	 * point has a time of its own.
	 * @return the new point's time in epoch milliseconds
	 */
	private long tick() {
		List<HistoryPoint> points = this.history.all();
		long newest = points.isEmpty() ? 0 : points.get(points.size() - 1).epochMillis();
		await().atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> System.currentTimeMillis() > newest);
		this.monitor.tick();
		List<HistoryPoint> after = this.history.all();
		return after.get(after.size() - 1).epochMillis();
	}

	private static List<Long> times(JsonNode points) {
		return points.valueStream().map((point) -> point.get("epochMillis").asLong()).toList();
	}

	@Test
	void reportIsJsonByDefaultWithEverySection() {
		Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
		tick();
		HttpResponse<String> response = Http.get(this.port, "/runtime");
		Instant after = Instant.ofEpochMilli(System.currentTimeMillis());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.spring-boot.actuator.v3+json");
		JsonNode report = json.readTree(response.body());
		assertThat(Instant.parse(report.get("sampledAt").asString())).as("the sample of the tick just taken")
			.isBetween(before, after);
		Collector collector = ThisJvm.collector();
		assertThat(report.at("/runtime/gc/collector").asString()).isEqualTo(collector.displayName());
		assertThat(report.at("/runtime/availableProcessors").asInt())
			.isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(report.at("/runtime/heap/maxBytes").asLong()).isEqualTo(ThisJvm.maxHeapBytes());
		assertThat(report.at("/checks/0/check").asString()).isEqualTo("threads");
		assertThat(report.at("/checks/0/level").asString()).isEqualTo("ok");
		assertThat(report.at("/checks/0/critical").asInt()).isEqualTo(5000);
		assertThat(report.at("/gc/pauseSource").asString()).isEqualTo(ThisJvm.defaultPauseSource());
		if (collector == Collector.G1) {
			assertThat(report.at("/pauseGoal/source").asString()).isEqualTo("MaxGCPauseMillis");
			assertThat(report.at("/pauseGoal/seconds").asDouble()).isEqualTo(ThisJvm.g1PauseGoalSeconds());
		}
		else {
			assertThat(report.at("/pauseGoal/source").asString()).isEqualTo("gc-pause warning");
			assertThat(report.at("/pauseGoal/seconds").asDouble())
				.isEqualTo(RuntimeJson.check(report, "gc-pause").get("warning").asDouble());
		}
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
			.containsSubsequence("RUNTIME", "CHECKS",
					"GC (" + ThisJvm.collector().displayName() + ", pauses from " + ThisJvm.defaultPauseSource(),
					"HEAP", "ADVICE")
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
		List<Long> ticked = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ticked.add(tick());
		}
		JsonNode history = getJson("/runtime/history");
		assertThat(times(history.get("points"))).as("the five newest, oldest first, the sixth newest dropped")
			.containsExactlyElementsOf(ticked.subList(1, 6));
		assertThat(history.get("capacity").asInt()).isEqualTo(5);
		assertThat(history.get("intervalSeconds").asDouble()).isEqualTo(3600.0);
		JsonNode point = history.at("/points/4");
		assertThat(point.get("threads").asInt()).isPositive();
		assertThat(point.get("heapCommittedBytes").asLong()).isPositive();
		assertThat(point.get("residentBytes").asLong()).isPositive();
		assertThat(point.at("/levels/threads").asString()).isEqualTo("ok");
	}

	@Test
	void historySinceGivesOnlyNewerPoints() {
		List<Long> ticked = List.of(tick(), tick(), tick());
		long since = ticked.get(0);
		assertThat(times(getJson("/runtime/history?since=" + since).get("points")))
			.containsExactlyElementsOf(ticked.subList(1, 3));
		String iso = URLEncoder.encode(Instant.ofEpochMilli(since).toString(), StandardCharsets.UTF_8);
		assertThat(times(getJson("/runtime/history?since=" + iso).get("points")))
			.containsExactlyElementsOf(ticked.subList(1, 3));
		assertThat(times(getJson("/runtime/history?since=" + (ticked.get(2) - 1)).get("points")))
			.containsExactly(ticked.get(2));
		assertThat(getJson("/runtime/history?since=" + ticked.get(2)).get("points").size()).isZero();
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
		assertThat(runtime.at("/gc/collector").asString()).isEqualTo(ThisJvm.collector().displayName());
		assertThat(runtime.at("/heap/maxBytes").asLong()).isEqualTo(ThisJvm.maxHeapBytes());
		assertThat(runtime.at("/gc/pauseSource").asString()).isEqualTo(ThisJvm.defaultPauseSource());
		assertThat(runtime.at("/gc/pauseSourceReason").asString()).startsWith("pauses from ");
		assertThat(getJson("/info").has("java")).as("Spring's own contributors stay").isTrue();
	}

}
