package dev.example.host;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to 127.0.0.1, to the application's port or the agent's. */
final class Http {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Http() {
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		return get(port, path, "*/*");
	}

	static HttpResponse<String> get(int port, String path, String accept) throws Exception {
		return send(request(port, path).header("Accept", accept));
	}

	static HttpResponse<String> post(int port, String path) throws Exception {
		return send(request(port, path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
