package dev.runtimemonitor.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few thousand malformed or hostile requests, sent over raw sockets to the packaged
 * jar: odd methods, huge headers and query strings, path tricks, bad {@code Accept}
 * values, broken request lines. None may get a 5xx (the service is healthy, so not even a
 * 503), none may show a stack trace or an internal detail, and the endpoints that are not
 * exposed (env, heapdump, threaddump, shutdown, loggers, jolokia, ...) stay out of reach
 * by every path.
 */
class HttpFuzzIT {

	private static final long SEED = 20261127L;

	private static final int RANDOM_REQUESTS = 2500;

	/**
	 * How long a connection may stay open without its answer ending: a service that
	 * answers in milliseconds, and room for a loaded machine, so that reaching it means a
	 * connection left hanging.
	 */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

	/** What no error answer may show: stack traces and internals. */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.lang.", "org.springframework",
			"org.apache", "Tomcat/", "stackTrace", "\"trace\"");

	/** What only the endpoints that must stay unexposed would answer. */
	private static final List<String> UNEXPOSED = List.of("propertySources", "activeProfiles", "configuredLevel",
			"threadName", "JAVA PROFILE", "dispatcherServlets", "\"beans\"", "\"contexts\"");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
			"TRACE", "CONNECT", "PROPFIND", "FOO", "get", "G\u00c9T", "GET GET");

	private static final List<String> PATHS = List.of("/health", "/health/liveness", "/health/readiness", "/metrics",
			"/info", "/runtime", "/runtime/history", "/", "/index.html", "/webjars/uplot/dist/uPlot.iife.min.js",
			"/env", "/actuator/env", "//env", "/./env", "/health/../env", "/%65nv", "/ENV", "/env;a=b",
			"/health;/../env", "/heapdump", "/threaddump", "/shutdown", "/loggers", "/loggers/ROOT", "/jolokia",
			"/actuator/jolokia", "/configprops", "/mappings", "/beans", "/conditions", "/scheduledtasks", "/actuator",
			"/actuator/heapdump", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/webjars/../application.yml",
			"/application.yml", "/static/../application.yml", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
			"/BOOT-INF/classes/application.yml", "/index.html%00.txt", "/runtime/%00",
			"/runtime/history?since=%27%20OR%201=1", "/runtime/history?since=-1",
			"/runtime/history?since=99999999999999999999", "/health?" + "x".repeat(5000), "/\u00e9\u00e8",
			"/%c0%ae%c0%ae/", "/metrics/../../env", "/health%2f..%2fenv", "/demo/threads?count=10");

	private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/plain",
			"application/openmetrics-text; version=1.0.0", "application/openmetrics-text; version=9",
			"text/plain;version=0.0.4", "application/xml", "image/png", "application/json;q=garbage", "*/*;q=0",
			"text/*;q=-1", ";;;", "\u00ff\u00fe", "application/" + "x".repeat(2000), "");

	/** A request line in the form HTTP/1.1 gives it: a token, a target, a version. */
	private static final Pattern REQUEST_LINE = Pattern
		.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ [\\x21-\\x7e]+ HTTP/\\d\\.\\d\r\n");

	private static AppProcess app;

	private static int port;

	@BeforeAll
	static void start() throws Exception {
		app = AppProcess.start(List.of(), List.of("--runtime-monitor.interval=1s"));
		port = app.awaitPort(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void hostileRequestsGetNoServerErrorAndNoInternalDetail() throws IOException {
		List<byte[]> requests = new ArrayList<>(crafted());
		Random random = new Random(SEED);
		for (int i = 0; i < RANDOM_REQUESTS; i++) {
			requests.add(randomRequest(random));
		}
		Map<String, Integer> statuses = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		List<String> closedOnNoRequest = new ArrayList<>();
		long started = System.nanoTime();
		for (byte[] request : requests) {
			Answer answer = send(request);
			statuses.merge(answer.statusLine(), 1, Integer::sum);
			String head = new String(request, 0, Math.min(request.length, 120), StandardCharsets.ISO_8859_1);
			if (answer.timedOut()) {
				problems.add("still open at the read timeout, " + answer.statusLine() + ", after " + head);
			}
			else if (answer.status() == 0 && startsWithRequestLine(request)) {
				problems.add(answer.statusLine() + " to " + head);
			}
			else if (answer.status() == 0) {
				closedOnNoRequest.add(head.substring(0, Math.min(head.length(), 24)).replace("\r\n", "\\r\\n"));
			}
			if (answer.status() >= 500 && !isProtocolRefusal(answer.status(), head)) {
				problems.add(answer.status() + " for " + head);
			}
			for (String leak : (answer.status() >= 200 && answer.status() < 300) ? UNEXPOSED : LEAKS) {
				if (answer.text().contains(leak)) {
					problems.add("'" + leak + "' in the answer to " + head);
				}
			}
			if (problems.size() > 20) {
				break;
			}
		}
		System.out.printf("%d requests in %d ms: %s%nclosed without an answer, no request line: %s%n", requests.size(),
				(System.nanoTime() - started) / 1_000_000, statuses, closedOnNoRequest);
		assertThat(problems).isEmpty();
		assertThat(Http.get(port, "/health").statusCode()).as("the service survived").isEqualTo(200);
	}

	@Test
	void unexposedEndpointsAreUnreachableByAnyPath() throws IOException {
		for (String endpoint : List.of("env", "heapdump", "threaddump", "shutdown", "loggers", "jolokia", "beans",
				"configprops", "mappings", "conditions", "scheduledtasks", "caches", "sbom", "startup")) {
			for (String path : List.of("/" + endpoint, "/actuator/" + endpoint, "//" + endpoint, "/" + endpoint + "/",
					"/health/../" + endpoint, "/%2F" + endpoint, "/" + endpoint.toUpperCase(), "/" + endpoint + ";x=y",
					"/" + endpoint + ".json", "/metrics/../" + endpoint)) {
				for (String method : List.of("GET", "POST")) {
					Answer answer = send(request(method, path, "*/*", ""));
					assertThat(answer.status()).as("%s %s", method, path).isIn(400, 404, 405);
				}
			}
		}
	}

	/**
	 * Whether the bytes start with a request line ({@code method SP target SP HTTP/x.y
	 * CRLF}). The connector may close, without a word, a connection whose bytes do not,
	 * such as blank lines or random bytes: no request was made to answer. Every request
	 * that does start with one gets an answer, an error status at worst, and no
	 * connection may be left open until the read timeout.
	 */
	private static boolean startsWithRequestLine(byte[] request) {
		return REQUEST_LINE.matcher(new String(request, StandardCharsets.ISO_8859_1)).lookingAt();
	}

	/**
	 * The two answers of the 5xx class that the HTTP connector owes by protocol, before
	 * any application code runs: 501 to {@code CONNECT} (the server is no proxy) and 505
	 * to a version of HTTP that does not exist. Neither is a failure of the service.
	 */
	private static boolean isProtocolRefusal(int status, String request) {
		return (status == 501 && request.startsWith("CONNECT "))
				|| (status == 505 && request.matches("(?s)\\S+ \\S+ HTTP/(?!1\\.[01]\\r).*"));
	}

	private static List<byte[]> crafted() {
		List<byte[]> crafted = new ArrayList<>();
		crafted.add(ascii("GET /health\r\n\r\n"));
		crafted.add(ascii("GET /health HTTP/9.9\r\nHost: x\r\n\r\n"));
		crafted.add(ascii("GET\r\n\r\n"));
		crafted.add(ascii("\r\n\r\n"));
		crafted.add(ascii("GET /health HTTP/1.1\r\n\r\n"));
		crafted.add(ascii("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"));
		crafted.add(ascii("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nConnection: close\r\n\r\n"));
		crafted.add(ascii("POST /runtime HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n"));
		crafted.add(ascii(
				"POST /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n"));
		crafted.add(ascii("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n"));
		StringBuilder many = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
		for (int i = 0; i < 500; i++) {
			many.append("X-H").append(i).append(": v\r\n");
		}
		crafted.add(ascii(many.append("\r\n").toString()));
		crafted
			.add(ascii("GET /runtime?" + "q=1&".repeat(30_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
		crafted.add(ascii("GET /health HTTP/1.1\r\nHost: x\r\nAccept: " + "a/b,".repeat(5_000)
				+ "\r\nConnection: close\r\n\r\n"));
		byte[] garbage = new byte[512];
		new Random(SEED).nextBytes(garbage);
		crafted.add(garbage);
		for (String method : METHODS) {
			for (String path : PATHS) {
				crafted.add(request(method, path, "*/*", ""));
			}
		}
		for (String accept : ACCEPTS) {
			for (String path : List.of("/metrics", "/health", "/runtime", "/runtime/history", "/info", "/")) {
				crafted.add(request("GET", path, accept, ""));
			}
		}
		return crafted;
	}

	private static byte[] randomRequest(Random random) {
		String method = METHODS.get(random.nextInt(METHODS.size()));
		String path = PATHS.get(random.nextInt(PATHS.size()));
		if (random.nextInt(4) == 0) {
			path += "?" + "p".repeat(random.nextInt(20_000)) + "=%" + Integer.toHexString(random.nextInt(256));
		}
		String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
		String extra = switch (random.nextInt(6)) {
			case 0 -> "X-Long: " + "z".repeat(random.nextInt(20_000)) + "\r\n";
			case 1 -> "Content-Type: application/json\r\nContent-Length: 7\r\n";
			case 2 -> "Range: bytes=9999999-1\r\n";
			case 3 -> "Expect: 100-continue\r\n";
			case 4 -> "If-None-Match: " + "\"x\",".repeat(random.nextInt(500)) + "\r\n";
			default -> "";
		};
		String body = extra.contains("Content-Length: 7") ? "{\"a\":1}" : "";
		return request(method, path, accept, extra + "\r\n" + body);
	}

	private static byte[] request(String method, String path, String accept, String tail) {
		String headers = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept
				+ "\r\nConnection: close\r\n";
		return (tail.isEmpty() ? headers + "\r\n" : headers + tail).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static Answer send(byte[] request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// The server may close on a request it refuses before reading all of it.
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			boolean timedOut = false;
			try {
				readAll(socket.getInputStream(), bytes);
			}
			catch (SocketTimeoutException ex) {
				timedOut = true;
			}
			catch (IOException ex) {
				// A reset after the answer: judged by what arrived.
			}
			return Answer.of(bytes.toByteArray(), timedOut);
		}
	}

	private static void readAll(InputStream in, ByteArrayOutputStream bytes) throws IOException {
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) != -1 && bytes.size() < 4_000_000) {
			bytes.write(buffer, 0, read);
		}
	}

	/**
	 * What came back.
	 *
	 * @param status the answer's status, 0 when no answer came
	 * @param statusLine the status, or what came instead of one
	 * @param text the answer
	 * @param timedOut whether the connection was still open, unanswered or unfinished, at
	 * the read timeout
	 */
	private record Answer(int status, String statusLine, String text, boolean timedOut) {

		static Answer of(byte[] bytes, boolean timedOut) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			while (text.startsWith("HTTP/1.1 100") && text.indexOf("\r\n\r\n") > 0) {
				text = text.substring(text.indexOf("\r\n\r\n") + 4);
			}
			if (!text.startsWith("HTTP/")) {
				return new Answer(0, timedOut ? "(no answer within " + READ_TIMEOUT.toSeconds() + " s)"
						: "(closed without an answer)", text, timedOut);
			}
			String line = text.substring(0, Math.max(0, text.indexOf('\r')));
			String[] parts = line.split(" ", 3);
			int status = (parts.length > 1) ? Integer.parseInt(parts[1]) : 0;
			return new Answer(status, parts.length > 1 ? parts[1] : line, text, timedOut);
		}

	}

}
