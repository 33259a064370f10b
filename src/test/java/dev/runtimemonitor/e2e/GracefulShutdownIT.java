package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.runtimemonitor.testsupport.AppProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while the service is under load: readiness turns to refusing traffic before the
 * web server drains, every request the server accepted gets its whole answer, and the
 * process exits 0 within the shutdown phase.
 */
class GracefulShutdownIT {

	private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(30);

	private static final List<String> PATHS = List.of("/metrics", "/health", "/runtime", "/health/readiness");

	@Test
	void drainsInFlightRequestsAndExitsZero() throws Exception {
		try (AppProcess app = AppProcess.start(List.of(), List.of("--runtime-monitor.interval=500ms"))) {
			int port = app.awaitPort(Duration.ofSeconds(60));
			Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
			List<String> unexpected = new CopyOnWriteArrayList<>();
			AtomicBoolean stopping = new AtomicBoolean();
			AtomicBoolean done = new AtomicBoolean();
			ExecutorService load = Executors.newFixedThreadPool(8);
			for (int worker = 0; worker < 8; worker++) {
				String path = PATHS.get(worker % PATHS.size());
				load.submit(() -> hammer(port, path, stopping, done, outcomes, unexpected));
			}
			Thread.sleep(2000);
			long requestsBefore = total(outcomes);
			stopping.set(true);
			long sigterm = System.nanoTime();
			app.terminate();
			int exit = app.awaitExit(SHUTDOWN_PHASE.plusSeconds(10));
			Duration shutdown = Duration.ofNanos(System.nanoTime() - sigterm);
			done.set(true);
			load.shutdown();
			assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			assertThat(requestsBefore).as("requests served before SIGTERM").isGreaterThan(100);
			assertThat(exit).as(app.output()).isZero();
			assertThat(shutdown).isLessThan(SHUTDOWN_PHASE);
			assertThat(unexpected).as("requests cut or answered with an error: %s", outcomes).isEmpty();
			String log = app.output();
			assertThat(log.indexOf("ReadinessState is now REFUSING_TRAFFIC")).as(log)
				.isPositive()
				.isLessThan(log.indexOf("Commencing graceful shutdown"));
			assertThat(log).contains("Graceful shutdown complete");
			System.out.printf("Graceful shutdown in %d ms; outcomes %s%n", shutdown.toMillis(), outcomes);
		}
	}

	private static void hammer(int port, String path, AtomicBoolean stopping, AtomicBoolean done,
			Map<String, LongAdder> outcomes, List<String> unexpected) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		while (!done.get()) {
			String outcome;
			try {
				HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
				outcome = path + " " + response.statusCode();
				boolean expected = response.statusCode() == 200
						|| (response.statusCode() == 503 && path.startsWith("/health"));
				if (!expected) {
					unexpected.add(outcome);
				}
			}
			catch (ConnectException ex) {
				outcome = "refused";
				if (!stopping.get()) {
					unexpected.add(path + " refused before SIGTERM");
				}
			}
			catch (IOException ex) {
				outcome = "closed";
				if (!stopping.get() || !isUnprocessed(ex)) {
					unexpected.add(path + " " + ex);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
			if (outcome.equals("refused")) {
				return;
			}
		}
	}

	/**
	 * Whether the server closed the connection before it read the request: a kept-alive
	 * connection the draining server let go. A response cut short reads differently.
	 */
	private static boolean isUnprocessed(IOException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("header parser received no bytes") || message.contains("Connection reset")
				|| message.contains("closed") || message.contains("Broken pipe");
	}

	private static long total(Map<String, LongAdder> outcomes) {
		return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
