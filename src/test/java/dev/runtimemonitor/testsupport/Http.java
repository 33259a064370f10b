package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP against a server on 127.0.0.1, as a probe or a scraper would call it.
 */
public final class Http {

	private static final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private Http() {
	}

	public static HttpResponse<String> get(int port, String path) {
		return get(port, path, "*/*");
	}

	public static HttpResponse<String> get(int port, String path, String accept) {
		return send(request(port, path).header("Accept", accept).build());
	}

	public static HttpResponse<String> post(int port, String path) {
		return send(request(port, path).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	public static HttpResponse<String> delete(int port, String path) {
		return send(request(port, path).DELETE().build());
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
	}

	private static HttpResponse<String> send(HttpRequest request) {
		String call = request.method() + " " + request.uri().getRawPath();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(call + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
