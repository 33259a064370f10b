package dev.runtimemonitor.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The agent's HTTP server: the JDK's own, bound when the agent starts so that a port in
 * use stops the JVM at once, answering the service's paths to {@code GET} and
 * {@code HEAD}, as a scrape and probe port is expected to. Its threads are the agent's.
 * <ul>
 * <li>A path answers only as written, its query ignored by all but the route that reads
 * a parameter, and with no trailing slash, as Spring MVC matches the service's paths;
 * the health paths also with one, as the actuator's health endpoint takes the rest of
 * its path ({@code /health/liveness/}), so that a probe that works on the service works
 * on the agent.</li>
 * <li>{@code HEAD} answers as {@code GET}, with the {@code Content-Length} of the body
 * it leaves out; any other method 405 with {@code Allow: GET, HEAD}.</li>
 * <li>A body of 2 KB or more is gzipped for a client that accepts it (Prometheus asks for
 * it), as Spring Boot's {@code server.compression} does with its default size.</li>
 * <li>A route that fails answers 500 with a short text, and one line on standard error;
 * the thread answers on. A client gone before its answer is written costs nothing.</li>
 * </ul>
 * A request the JDK cannot read (a bad request line) gets the JDK's own 400.
 */
final class AgentServer {

	/** Handlers only read what the last tick computed: two threads answer a flood of probes. */
	private static final int HANDLER_THREADS = 2;

	private static final int NOT_FOUND = 404;

	private static final int METHOD_NOT_ALLOWED = 405;

	private static final int INTERNAL_ERROR = 500;

	static final String ALLOWED = "GET, HEAD";

	/** Spring Boot's {@code server.compression.min-response-size}. */
	static final int GZIP_FROM_BYTES = 2048;

	/** The paths that also answer with a trailing slash. */
	private static final String HEALTH = "/health";

	/** The JDK HTTP server's switch for TCP_NODELAY on the sockets it accepts. */
	static final String NODELAY = "sun.net.httpserver.nodelay";

	private final HttpServer server;

	private final AgentThreads threads;

	private AgentServer(HttpServer server, AgentThreads threads) {
		this.server = server;
		this.threads = threads;
	}

	/**
	 * Bind the server, on a thread of the agent's.
	 * @param address where to listen
	 * @param threads the agent's threads
	 * @return the server, bound but not answering yet
	 * @throws AgentStartException when the address cannot be bound, a port in use above
	 * all
	 */
	static AgentServer bind(InetSocketAddress address, AgentThreads threads) {
		sendAtOnce();
		return threads.await("http-bind", () -> {
			try {
				return new AgentServer(HttpServer.create(address, 0), threads);
			}
			catch (IOException ex) {
				throw new AgentStartException("cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + ex.getMessage()
						+ " (the agent's argument is " + AgentArguments.USAGE + ")");
			}
		});
	}

	/**
	 * TCP_NODELAY on the server's connections, unless the user chose. The JDK's server
	 * writes an answer's headers and its body apart; with Nagle's algorithm on, the body
	 * waits for the client's delayed acknowledgement of the headers, some 40 ms on Linux,
	 * so that a client asking again on the same connection gets some 25 answers a second.
	 * The JDK reads the property once, when the JVM's first JDK HTTP server is made, and
	 * it holds for every such server in the JVM, the application's too: theirs only
	 * answer sooner.
	 */
	private static void sendAtOnce() {
		if (System.getProperty(NODELAY) == null) {
			System.setProperty(NODELAY, "true");
		}
	}

	/**
	 * Start answering, on a thread of the agent's.
	 * @param routes what answers each path
	 */
	void start(Map<String, Function<Request, Response>> routes) {
		ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, this.threads.factory("http"));
		this.server.setExecutor(handlers);
		this.server.createContext("/", (exchange) -> answer(exchange, routes));
		this.threads.await("http-start", () -> {
			this.server.start();
			return this.server;
		});
		this.threads.nameTheJdksThreads();
	}

	/**
	 * Stop answering, at once.
	 */
	void stop() {
		this.server.stop(0);
	}

	private static void answer(HttpExchange exchange, Map<String, Function<Request, Response>> routes) {
		try (exchange) {
			send(exchange, respond(exchange, routes));
		}
		catch (IOException ex) {
			// The client left before its answer was written: nobody to tell.
		}
	}

	private static Response respond(HttpExchange exchange, Map<String, Function<Request, Response>> routes) {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getRawPath();
		Function<Request, Response> route = route(routes, path);
		if (route == null) {
			return Response.text(NOT_FOUND, "Not found: the agent answers " + String.join(", ", routes.keySet()) + "\n");
		}
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			exchange.getResponseHeaders().set("Allow", ALLOWED);
			return Response.text(METHOD_NOT_ALLOWED, "Only " + ALLOWED + "\n");
		}
		try {
			return route.apply(new Request(exchange.getRequestHeaders().getFirst("Accept"),
					exchange.getRequestURI().getRawQuery()));
		}
		catch (RuntimeException | LinkageError ex) {
			// Not a static logger: this class loads before the agent sets its logging up.
			LoggerFactory.getLogger(AgentServer.class)
				.error("Runtime monitor agent could not answer {} {}: {}", method, path, String.valueOf(ex));
			return Response.text(INTERNAL_ERROR, "The runtime monitor agent could not answer; its log says why\n");
		}
	}

	private static @Nullable Function<Request, Response> route(Map<String, Function<Request, Response>> routes,
			String path) {
		Function<Request, Response> route = routes.get(path);
		if (route == null && path.startsWith(HEALTH) && path.endsWith("/")) {
			return routes.get(path.substring(0, path.length() - 1));
		}
		return route;
	}

	private static void send(HttpExchange exchange, Response response) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("Content-Type", response.contentType());
		byte[] body = response.body();
		if (body.length >= GZIP_FROM_BYTES) {
			headers.set("Vary", "Accept-Encoding");
			if (QualityValues.of(exchange.getRequestHeaders().getFirst("Accept-Encoding"), "gzip").accepted()) {
				headers.set("Content-Encoding", "gzip");
				body = gzip(body);
			}
		}
		if ("HEAD".equals(exchange.getRequestMethod())) {
			// The JDK sends no body to HEAD, and the length only when told so in a header.
			headers.set("Content-Length", String.valueOf(body.length));
			exchange.sendResponseHeaders(response.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	static byte[] gzip(byte[] body) {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream(body.length / 4);
		try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
			out.write(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot gzip in memory", ex);
		}
		return gzipped.toByteArray();
	}

	/**
	 * Where the server answers, as a URL.
	 * @return for example {@code http://127.0.0.1:9404}, or {@code http://localhost:9404}
	 * when it listens on every interface
	 */
	String url() {
		InetSocketAddress address = this.server.getAddress();
		String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getAddress().getHostAddress();
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
	}

}
