package dev.runtimemonitor.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * The agent's HTTP server: the JDK's own, bound when the agent starts so that a port in
 * use stops the JVM at once, answering the service's paths, each exactly, to GET only.
 * Its threads are the agent's.
 */
final class AgentServer {

	/** Handlers only read what the last tick computed: two threads answer a flood of probes. */
	private static final int HANDLER_THREADS = 2;

	private static final int NOT_FOUND = 404;

	private static final int METHOD_NOT_ALLOWED = 405;

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
	 * Start answering, on a thread of the agent's.
	 * @param routes what answers each path, given the request's {@code Accept} header
	 */
	void start(Map<String, Function<@Nullable String, Response>> routes) {
		ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, this.threads.factory("http"));
		this.server.setExecutor(handlers);
		this.server.createContext("/", (exchange) -> answer(exchange, routes));
		this.threads.await("http-start", () -> {
			this.server.start();
			return this.server;
		});
		this.threads.nameTheJdksThreads();
	}

	private static void answer(HttpExchange exchange, Map<String, Function<@Nullable String, Response>> routes)
			throws IOException {
		try (exchange) {
			Function<@Nullable String, Response> route = routes.get(exchange.getRequestURI().getPath());
			if (route == null) {
				send(exchange, Response.text(NOT_FOUND, "Not found: the agent answers " + String.join(", ", routes.keySet()) + "\n"));
			}
			else if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "GET");
				send(exchange, Response.text(METHOD_NOT_ALLOWED, "Only GET\n"));
			}
			else {
				send(exchange, route.apply(exchange.getRequestHeaders().getFirst("Accept")));
			}
		}
	}

	private static void send(HttpExchange exchange, Response response) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", response.contentType());
		exchange.sendResponseHeaders(response.status(), response.body().length);
		try (OutputStream body = exchange.getResponseBody()) {
			body.write(response.body());
		}
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
