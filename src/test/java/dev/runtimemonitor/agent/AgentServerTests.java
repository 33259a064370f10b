package dev.runtimemonitor.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's server on a port of 127.0.0.1, with routes of the test's: what it answers
 * around them, whatever they answer.
 */
class AgentServerTests {

	private static final String LARGE = "metric 1\n".repeat(1000);

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private AgentServer server;

	private int port;

	@BeforeEach
	void start() {
		Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
		routes.put("/large", (request) -> Response.text(200, LARGE));
		routes.put("/health", (request) -> Response.json(200, Map.of("status", "UP")));
		routes.put("/health/liveness", (request) -> Response.json(503, Map.of("status", "DOWN")));
		routes.put("/echo", (request) -> Response.text(200, request.accept() + " " + request.parameter("since")));
		routes.put("/fails", (request) -> {
			throw new IllegalStateException("a handler's bug");
		});
		this.server = AgentServer.bind(new InetSocketAddress("127.0.0.1", 0), new AgentThreads());
		this.server.start(routes);
		this.port = URI.create(this.server.url()).getPort();
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void turnsTcpNoDelayOnUnlessTheUserChose() {
		String before = System.getProperty(AgentServer.NODELAY);
		try {
			System.clearProperty(AgentServer.NODELAY);
			AgentServer.bind(new InetSocketAddress("127.0.0.1", 0), new AgentThreads()).stop();
			assertThat(System.getProperty(AgentServer.NODELAY)).isEqualTo("true");
			System.setProperty(AgentServer.NODELAY, "false");
			AgentServer.bind(new InetSocketAddress("127.0.0.1", 0), new AgentThreads()).stop();
			assertThat(System.getProperty(AgentServer.NODELAY)).isEqualTo("false");
		}
		finally {
			if (before != null) {
				System.setProperty(AgentServer.NODELAY, before);
			}
			else {
				System.clearProperty(AgentServer.NODELAY);
			}
		}
	}

	@Test
	void answersHeadAsGetWithoutTheBody() {
		HttpResponse<byte[]> get = send("GET", "/large", Map.of());
		HttpResponse<byte[]> head = send("HEAD", "/large", Map.of());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(get.body().length));
		assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
		assertThat(send("HEAD", "/health/liveness", Map.of()).statusCode()).isEqualTo(503);
		assertThat(send("HEAD", "/nothing", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesOtherMethodsNamingTheOnesAllowed() {
		for (String method : new String[] { "POST", "PUT", "DELETE", "OPTIONS", "PATCH" }) {
			HttpResponse<byte[]> refused = send(method, "/health", Map.of());
			assertThat(refused.statusCode()).as(method).isEqualTo(405);
			assertThat(refused.headers().firstValue("Allow")).as(method).contains("GET, HEAD");
		}
		assertThat(send("POST", "/nothing", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void answersPathsAsTheServiceMatchesThem() {
		assertThat(send("GET", "/health?x=1", Map.of()).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/health/", Map.of()).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/health/liveness/", Map.of()).statusCode()).isEqualTo(503);
		assertThat(send("GET", "/large/", Map.of()).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/health//", Map.of()).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/", Map.of()).statusCode()).isEqualTo(404);
		assertThat(text(send("GET", "/echo?since=12&x", Map.of("Accept", "text/plain")))).isEqualTo("text/plain 12");
	}

	@Test
	void gzipsALargeBodyForAClientThatAcceptsIt() throws IOException {
		HttpResponse<byte[]> gzipped = send("GET", "/large", Map.of("Accept-Encoding", "gzip, deflate"));
		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gzipped.headers().firstValue("Vary")).contains("Accept-Encoding");
		assertThat(gzipped.body().length).isLessThan(LARGE.length() / 10);
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(LARGE);
		}
		HttpResponse<byte[]> head = send("HEAD", "/large", Map.of("Accept-Encoding", "gzip"));
		assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(gzipped.body().length));
		for (String refused : new String[] { "gzip;q=0", "identity", "br" }) {
			HttpResponse<byte[]> plain = send("GET", "/large", Map.of("Accept-Encoding", refused));
			assertThat(plain.headers().firstValue("Content-Encoding")).as(refused).isEmpty();
			assertThat(text(plain)).as(refused).isEqualTo(LARGE);
		}
		HttpResponse<byte[]> small = send("GET", "/health", Map.of("Accept-Encoding", "gzip"));
		assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(text(small)).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void answersAFailingRouteWithAShortErrorAndAnswersOn() {
		for (int i = 0; i < 5; i++) {
			HttpResponse<byte[]> failed = send("GET", "/fails", Map.of());
			assertThat(failed.statusCode()).isEqualTo(500);
			assertThat(text(failed)).isEqualTo("The runtime monitor agent could not answer; its log says why\n");
		}
		assertThat(send("GET", "/health", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void outlivesClientsThatLeaveBeforeTheirAnswer() throws IOException {
		for (int i = 0; i < 20; i++) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.getOutputStream()
					.write("GET /large HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				socket.setSoLinger(true, 0);
			}
		}
		assertThat(text(send("GET", "/large", Map.of()))).isEqualTo(LARGE);
	}

	private HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
