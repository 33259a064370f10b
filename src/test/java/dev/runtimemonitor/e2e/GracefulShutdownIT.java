package dev.runtimemonitor.e2e;

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
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM while the service is under load: readiness turns to refusing traffic before the
 * web server drains, every request the server answered gets its whole answer, and the
 * process exits 0 within the shutdown phase. The load goes over raw sockets, so that what
 * became of each request is what the client saw happen, not how an exception was worded:
 * refused at connect, let go without one byte of answer, answered whole, or cut after its
 * answer began.
 */
class GracefulShutdownIT {

	private static final Duration SHUTDOWN_PHASE = Duration.ofSeconds(30);

	private static final List<String> PATHS = List.of("/metrics", "/health", "/runtime", "/health/readiness");

	private static final int REQUESTS_BEFORE_SIGTERM = 100;

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
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> total(outcomes) > REQUESTS_BEFORE_SIGTERM || !unexpected.isEmpty());
			assertThat(unexpected).as("requests that failed before SIGTERM: %s", outcomes).isEmpty();
			stopping.set(true);
			long sigterm = System.nanoTime();
			app.terminate();
			int exit = app.awaitExit(SHUTDOWN_PHASE.plusSeconds(10));
			Duration shutdown = Duration.ofNanos(System.nanoTime() - sigterm);
			done.set(true);
			load.shutdown();
			assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			// Exit 0, not the JVM's 143: the service's TERM handler ran System.exit(0)
			// after a shutdown that did not hang; the drain itself is proven by the rest.
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
		while (!done.get()) {
			RawExchange exchange = RawExchange.send(port, path);
			String outcome = switch (exchange.outcome()) {
				case ANSWERED -> {
					boolean expected = exchange.status() == 200
							|| (exchange.status() == 503 && path.startsWith("/health"));
					if (!expected) {
						unexpected.add(path + " " + exchange.status());
					}
					yield "answered";
				}
				case REFUSED, NOT_ANSWERED -> {
					// Refused at connect or let go without a byte: the server never
					// answered it, which a draining server may do, and only then.
					if (!stopping.get()) {
						unexpected.add(path + " " + exchange.outcome() + " before SIGTERM");
					}
					yield exchange.outcome().name().toLowerCase();
				}
				case CUT, TIMED_OUT -> {
					unexpected.add(path + " " + exchange.outcome() + " after " + exchange.received() + " bytes");
					yield exchange.outcome().name().toLowerCase();
				}
			};
			outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
			if (exchange.outcome() == RawExchange.Outcome.REFUSED) {
				return;
			}
		}
	}

	private static long total(Map<String, LongAdder> outcomes) {
		return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
