package dev.runtimemonitor.service.http;

import java.net.http.HttpResponse;

import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the {@code demo} profile none of the fault scenarios exist.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoProfileOffHttpTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@CsvSource({ "POST, /demo/threads?count=1", "DELETE, /demo/threads", "POST, /demo/heap?megabytes=1",
			"DELETE, /demo/heap", "POST, /demo/native?megabytes=1", "DELETE, /demo/native",
			"POST, /demo/garbage?megabytesPerSecond=1&seconds=1", "DELETE, /demo/garbage", "POST, /demo/deadlock",
			"GET, /demo/threads" })
	void scenariosAreNotFound(String method, String path) {
		HttpResponse<String> response = switch (method) {
			case "POST" -> Http.post(this.port, path);
			case "DELETE" -> Http.delete(this.port, path);
			default -> Http.get(this.port, path);
		};
		assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
