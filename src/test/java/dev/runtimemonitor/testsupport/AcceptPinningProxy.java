package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A pass-through on 127.0.0.1 that forwards each GET to a server with one fixed
 * {@code Accept} header and returns its answer unchanged: status, content type and body.
 * It stands for a scraper that only asks for one format, which Prometheus 2.42 cannot be
 * told to do: it always asks for OpenMetrics first (per-job {@code scrape_protocols}
 * arrived in Prometheus 2.49).
 */
public final class AcceptPinningProxy implements AutoCloseable {

	private static final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final HttpServer server;

	private AcceptPinningProxy(HttpServer server) {
		this.server = server;
	}

	/**
	 * Start forwarding.
	 * @param targetPort the port of the server on 127.0.0.1
	 * @param accept the {@code Accept} header every forwarded request carries
	 * @return the running proxy
	 * @throws IOException when it cannot listen
	 */
	public static AcceptPinningProxy start(int targetPort, String accept) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> forward(exchange, targetPort, accept));
		server.start();
		return new AcceptPinningProxy(server);
	}

	private static void forward(HttpExchange exchange, int targetPort, String accept) throws IOException {
		try (exchange) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + targetPort + exchange.getRequestURI()))
				.header("Accept", accept)
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpResponse<byte[]> response;
			try {
				response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			response.headers()
				.firstValue("Content-Type")
				.ifPresent((type) -> exchange.getResponseHeaders().set("Content-Type", type));
			byte[] body = response.body();
			exchange.sendResponseHeaders(response.statusCode(), (body.length > 0) ? body.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * The proxy's address, for a scrape target.
	 * @return {@code 127.0.0.1:port}
	 */
	public String address() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
