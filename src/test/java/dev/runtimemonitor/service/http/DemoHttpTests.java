package dev.runtimemonitor.service.http;

import java.net.http.HttpResponse;

import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault scenarios over real HTTP with the {@code demo} profile: what each answers,
 * and a 400 or 409 with a JSON problem, never a stack trace, for what it refuses. The
 * context is closed after the class so the deadlock it makes ends with it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.heap.max-share=0.1", "demo.garbage.max-duration=20s" })
@ActiveProfiles("demo")
@DirtiesContext
class DemoHttpTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void leaksThreadsAndReleasesThem() {
		JsonNode leaked = ok(Http.post(this.port, "/demo/threads?count=3"));
		assertThat(leaked.get("started").asInt()).isEqualTo(3);
		assertThat(leaked.get("leakedThreads").asInt()).isEqualTo(3);
		assertThat(leaked.get("limit").asInt()).isEqualTo(10_000);
		JsonNode released = ok(Http.delete(this.port, "/demo/threads"));
		assertThat(released.get("released").asInt()).isEqualTo(3);
		assertThat(released.get("leakedThreads").asInt()).isZero();
	}

	@Test
	void retainsHeapAndReleasesIt() {
		JsonNode retained = ok(Http.post(this.port, "/demo/heap?megabytes=2"));
		assertThat(retained.get("addedMegabytes").asInt()).isEqualTo(2);
		assertThat(retained.get("retainedMegabytes").asInt()).isEqualTo(2);
		assertThat(retained.get("limitMegabytes").asInt())
			.isEqualTo((int) (retained.get("maxHeapMegabytes").asInt() * 0.1));
		assertThat(retained.get("collectionRequested").asBoolean()).isTrue();
		JsonNode released = ok(Http.delete(this.port, "/demo/heap"));
		assertThat(released.get("releasedMegabytes").asInt()).isEqualTo(2);
		assertThat(released.get("retainedMegabytes").asInt()).isZero();
	}

	@Test
	void holdsNativeMemoryAndReleasesIt() {
		JsonNode held = ok(Http.post(this.port, "/demo/native?megabytes=2"));
		assertThat(held.get("addedMegabytes").asInt()).isEqualTo(2);
		assertThat(held.get("heldMegabytes").asInt()).isEqualTo(2);
		assertThat(held.get("limitMegabytes").asInt()).isEqualTo(1024);
		JsonNode released = ok(Http.delete(this.port, "/demo/native"));
		assertThat(released.get("releasedMegabytes").asInt()).isEqualTo(2);
		assertThat(released.get("nativeHeapTrimmed").asBoolean()).as("glibc on Linux").isTrue();
	}

	@Test
	void churnsOneAtATimeUntilStopped() {
		HttpResponse<String> started = Http.post(this.port, "/demo/garbage?megabytesPerSecond=5&seconds=20");
		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(json.readTree(started.body()).get("seconds").asInt()).isEqualTo(20);
		assertProblem(Http.post(this.port, "/demo/garbage?megabytesPerSecond=5&seconds=1"), 409,
				"A churn is already running");
		JsonNode stopped = ok(Http.delete(this.port, "/demo/garbage"));
		assertThat(stopped.get("stopped").asBoolean()).isTrue();
		assertThat(ok(Http.delete(this.port, "/demo/garbage")).get("stopped").asBoolean()).isFalse();
	}

	@Test
	void deadlocksTwoThreadsOnce() {
		JsonNode deadlocked = ok(Http.post(this.port, "/demo/deadlock"));
		assertThat(deadlocked.get("threads").values()).extracting(JsonNode::asString)
			.containsExactly("demo-deadlock-1", "demo-deadlock-2");
		assertThat(deadlocked.get("note").asString()).isEqualTo("Stays until the process restarts");
		assertProblem(Http.post(this.port, "/demo/deadlock"), 409, "Already deadlocked");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			/demo/threads                               | 'count' is required: a whole number
			/demo/threads?count=                        | 'count' is required: a whole number
			/demo/threads?count=abc                     | 'count' must be a whole number, not 'abc'
			/demo/threads?count=1.5                     | 'count' must be a whole number, not '1.5'
			/demo/threads?count=99999999999             | 'count' must be a whole number, not '99999999999'
			/demo/threads?count=0                       | 'count' must be between 1 and 10000
			/demo/threads?count=-4                      | 'count' must be between 1 and 10000
			/demo/threads?count=10001                   | 'count' must be between 1 and 10000
			/demo/heap                                  | 'megabytes' is required: a whole number
			/demo/heap?megabytes=lots                   | 'megabytes' must be a whole number, not 'lots'
			/demo/heap?megabytes=0                      | 'megabytes' must be between 1 and
			/demo/heap?megabytes=1000000                | 'megabytes' must be between 1 and
			/demo/native                                | 'megabytes' is required: a whole number
			/demo/native?megabytes=0                    | 'megabytes' must be between 1 and 1024
			/demo/native?megabytes=1025                 | 'megabytes' must be between 1 and 1024
			/demo/native?megabytes=1&megabytesPerSecond=2000 | 'megabytesPerSecond' must be between 0 (at once) and 1024
			/demo/garbage?seconds=5                     | 'megabytesPerSecond' is required: a whole number
			/demo/garbage?megabytesPerSecond=5          | 'seconds' is required: a whole number
			/demo/garbage?megabytesPerSecond=0&seconds=5 | 'megabytesPerSecond' must be between 1 and 10000
			/demo/garbage?megabytesPerSecond=10001&seconds=5 | 'megabytesPerSecond' must be between 1 and 10000
			/demo/garbage?megabytesPerSecond=5&seconds=0 | 'seconds' must be between 1 and 20
			/demo/garbage?megabytesPerSecond=5&seconds=21 | 'seconds' must be between 1 and 20
			""")
	void refusesBadParametersWithAJsonProblem(String path, String detail) {
		assertProblem(Http.post(this.port, path), 400, detail);
	}

	@Test
	void longBadValuesAreNotRepeatedInFull() {
		String value = "x".repeat(500);
		HttpResponse<String> response = Http.post(this.port, "/demo/threads?count=" + value);
		assertProblem(response, 400, "'count' must be a whole number, not '" + "x".repeat(32) + "...'");
		assertThat(response.body()).doesNotContain("x".repeat(33));
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return json.readTree(response.body());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).startsWith(detail);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
	}

}
