package dev.example.host;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real requests to the running host on 127.0.0.1.
 */
final class Http {

	// HTTP/1.1 on a kept-alive connection, as a scraper speaks it. The timeouts turn any
	// hang into a failure: the reactive host's web server once left such a connection
	// unread (its pom says which version, and why it is pinned).
	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private Http() {
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	// Tests judge what a body holds by its parsed structure: a word in the text can come
	// from anywhere, such as the working directory that the disk-space details print.
	static JsonNode json(int port, String path) throws IOException, InterruptedException {
		return mapper.readTree(get(port, path).body());
	}

}
