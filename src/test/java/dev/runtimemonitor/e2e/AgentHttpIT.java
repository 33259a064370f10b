package dev.runtimemonitor.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import dev.runtimemonitor.testsupport.AgentProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's port as an operator's scrape and probe port, over raw sockets: HEAD, other
 * methods, paths, a request the JDK's server cannot read, gzip, the {@code Accept} header
 * Prometheus sends, the history. The host is one that sets {@code -Dslf4j.provider} for
 * its own Logback, which must not reach the agent's relocated SLF4J.
 */
class AgentHttpIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final int READ_TIMEOUT_MILLIS = 10_000;

	/** What Prometheus 2 sends by default. */
	private static final String PROMETHEUS = "application/openmetrics-text;version=1.0.0,"
			+ "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	/**
	 * What Prometheus sends with native histograms on: protobuf first, which the agent
	 * leaves out.
	 */
	private static final String PROMETHEUS_PROTOBUF_FIRST = "application/vnd.google.protobuf;"
			+ "proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;"
			+ "version=1.0.0;q=0.8,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	/** What no answer and no line of the output may show. */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "SLF4J(");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static AgentProcess agent;

	private static int port;

	@BeforeAll
	static void start() throws Exception {
		agent = AgentProcess.start(
				List.of("-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider",
						"-Druntime-monitor.interval=1s"),
				List.of(AgentProcess.locationOf(ch.qos.logback.classic.spi.LogbackServiceProvider.class),
						AgentProcess.locationOf(ch.qos.logback.core.Context.class),
						AgentProcess.locationOf(org.slf4j.LoggerFactory.class)),
				"127.0.0.1:0", 300);
		port = agent.awaitPort(TIMEOUT);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (agent != null) {
			agent.close();
		}
	}

	@Test
	void answersHeadAsGetWithoutTheBody() {
		Reply head = exchange("HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("content-type")).startsWith("text/plain; version=0.0.4");
		assertThat(Long.parseLong(head.header("content-length"))).isGreaterThan(1000);
		assertThat(head.body()).isEmpty();
		Reply health = exchange("HEAD /health/liveness HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).isEmpty();
	}

	@Test
	void refusesOtherMethodsAndUnknownPaths() {
		for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE")) {
			Reply refused = exchange(
					method + " /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n" + "Connection: close\r\n\r\n");
			assertThat(refused.status()).as(method).isEqualTo(405);
			assertThat(refused.header("allow")).as(method).isEqualTo("GET, HEAD");
			assertThat(refused.whole()).as(method).isTrue();
		}
		for (String path : List.of("/env", "/metrics/", "/runtime/", "/actuator/health", "/", "//health")) {
			assertThat(get(path, Map.of()).status()).as(path).isEqualTo(404);
		}
		for (String path : List.of("/health/", "/health/liveness/", "/health?probe=1", "/metrics?name=x")) {
			assertThat(get(path, Map.of()).status()).as(path).isEqualTo(200);
		}
	}

	/**
	 * The JDK's server refuses what it cannot read before any handler runs, with its own
	 * short body, which may name the exception it caught ({@code URISyntaxException
	 * thrown}) but shows no trace.
	 */
	@Test
	void leavesARequestItCannotReadToTheJdksServer() {
		for (String request : List.of("GET /metrics\r\n\r\n", "GET\r\n\r\n", "GET /metrics?a[]=|x HTTP/1.1\r\n\r\n")) {
			Reply refused = exchange(request);
			assertThat(refused.status()).as(request).isEqualTo(400);
			assertThat(refused.text()).as(request).doesNotContain("\tat ", "java.", "SLF4J(");
		}
		assertThat(get("/health", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void gzipsAScrapeThatAsksForIt() throws IOException {
		Reply plain = get("/metrics", Map.of());
		Reply gzipped = get("/metrics", Map.of("Accept-Encoding", "gzip"));
		assertThat(gzipped.whole()).isTrue();
		assertThat(gzipped.header("content-encoding")).isEqualTo("gzip");
		String unzipped;
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(unzipped).contains("jvm_memory_used_bytes", "runtime_check_level{check=\"threads\"}");
		System.out.printf("One scrape: %d bytes, %d gzipped (%.0f %% saved)%n", plain.body().length,
				gzipped.body().length, 100.0 * (plain.body().length - gzipped.body().length) / plain.body().length);
		assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
		assertThat(plain.header("content-encoding")).isNull();
	}

	@Test
	void answersOpenMetricsByTheAcceptHeadersQualityValues() {
		for (String accept : List.of(PROMETHEUS, PROMETHEUS_PROTOBUF_FIRST)) {
			Reply openMetrics = get("/metrics", Map.of("Accept", accept));
			assertThat(openMetrics.status()).isEqualTo(200);
			assertThat(openMetrics.header("content-type")).startsWith("application/openmetrics-text; version=1.0.0");
			assertThat(openMetrics.text()).endsWith("# EOF\n");
		}
		Reply text = get("/metrics", Map.of("Accept", "text/plain;q=0.9,application/openmetrics-text;q=0.5"));
		assertThat(text.header("content-type")).startsWith("text/plain; version=0.0.4");
		assertThat(text.text()).doesNotContain("# EOF");
	}

	@Test
	void answersTheHistoryAsTheService() {
		Reply all = get("/runtime/history", Map.of());
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.header("content-type")).isEqualTo("application/json");
		Map<String, Object> history = json(all);
		assertThat(history).containsEntry("intervalSeconds", 1).containsEntry("capacity", 720);
		List<Map<String, Object>> points = points(history);
		assertThat(points).isNotEmpty()
			.allSatisfy((point) -> assertThat(point).containsKeys("epochMillis", "threads", "levels"));
		long last = ((Number) points.get(points.size() - 1).get("epochMillis")).longValue();
		assertThat(points(json(get("/runtime/history?since=" + last, Map.of()))))
			.allSatisfy((point) -> assertThat(((Number) point.get("epochMillis")).longValue()).isGreaterThan(last));
		Reply bad = get("/runtime/history?since=soon", Map.of());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(json(bad).get("error")).asString().startsWith("Invalid 'since' parameter 'soon'");
	}

	@Test
	void outlivesClientsThatLeaveEarlyAndShowsNoStackTrace() throws IOException {
		for (int i = 0; i < 20; i++) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.getOutputStream()
					.write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				socket.setSoLinger(true, 0);
			}
		}
		assertThat(get("/health", Map.of()).status()).isEqualTo(200);
		assertThat(agent.output()).contains("Runtime monitor sampling every 1s").doesNotContain(LEAKS);
	}

	private static Map<String, Object> json(Reply reply) {
		return JSON.readValue(reply.text(), new TypeReference<>() {
		});
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> points(Map<String, Object> history) {
		return (List<Map<String, Object>>) history.get("points");
	}

	private static Reply get(String path, Map<String, String> headers) {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		return exchange(request.append("Connection: close\r\n\r\n").toString());
	}

	/** Send a request as written and read until the server closes. */
	private static Reply exchange(String request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return new Reply(answer.toByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer to " + request.lines().findFirst().orElse(""), ex);
		}
	}

	/**
	 * An answer as it came over the socket.
	 *
	 * @param bytes the status line, the headers and the body
	 */
	private record Reply(byte[] bytes) {

		int status() {
			return RawExchange.judge(this.bytes, true).status();
		}

		/** Whether the body is all there, as its framing says. */
		boolean whole() {
			return RawExchange.judge(this.bytes, true).outcome() == RawExchange.Outcome.ANSWERED;
		}

		String header(String name) {
			String head = head();
			for (String line : head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

		byte[] body() {
			return Arrays.copyOfRange(this.bytes, head().length() + 4, this.bytes.length);
		}

		String text() {
			return new String(body(), StandardCharsets.UTF_8);
		}

		private String head() {
			String text = new String(this.bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			return (end < 0) ? text : text.substring(0, end);
		}

	}

}
