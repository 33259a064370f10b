package dev.runtimemonitor.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.Wrk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A minute of probes at thousands of requests per second on {@code /health} and
 * {@code /metrics} while the demo thread leak turns the service critical and back: no
 * answer but 200 (and 503 from the health while critical), no socket error, bounded
 * latency, and the monitor keeps ticking all along.
 */
class ProbeFloodIT {

	private static final Duration FLOOD = Duration.ofSeconds(60);

	private static final Pattern SAMPLES = Pattern.compile("^runtime_sample_duration_seconds_count (\\S+)$",
			Pattern.MULTILINE);

	@Test
	void probesStayAnsweredWhileTheRuntimeMisbehaves() throws Exception {
		Wrk wrk = Wrk.require();
		try (AppProcess app = AppProcess.start(List.of("-Xmx256m"),
				List.of("--spring.profiles.active=demo", "--runtime-monitor.interval=1s",
						"--runtime-monitor.checks.threads.warning=150", "--runtime-monitor.checks.threads.critical=300",
						"--runtime-monitor.checks.threads.sustain=2s"))) {
			int port = app.awaitPort(Duration.ofSeconds(60));
			double samplesBefore = samples(port);
			ExecutorService runner = Executors.newFixedThreadPool(2);
			CompletableFuture<Wrk.Result> health = CompletableFuture.supplyAsync(() -> run(wrk, port, "/health", 16),
					runner);
			CompletableFuture<Wrk.Result> metrics = CompletableFuture.supplyAsync(() -> run(wrk, port, "/metrics", 4),
					runner);
			Thread.sleep(15_000);
			assertThat(Http.post(port, "/demo/threads?count=400").statusCode()).isEqualTo(200);
			Thread.sleep(20_000);
			String healthDuringLeak = Http.get(port, "/health").body();
			assertThat(Http.delete(port, "/demo/threads").statusCode()).isEqualTo(200);
			Wrk.Result healthResult = health.get();
			Wrk.Result metricsResult = metrics.get();
			runner.shutdown();
			double samplesAfter = samples(port);

			System.out.printf(
					"/health: %.0f req/s, p99 %d us, statuses %s%n/metrics: %.0f req/s, p99 %d us, statuses %s%n",
					healthResult.requestsPerSecond(), healthResult.p99Micros(), healthResult.statuses(),
					metricsResult.requestsPerSecond(), metricsResult.p99Micros(), metricsResult.statuses());
			assertThat(healthDuringLeak).contains("\"threads\":{\"level\":\"critical\"");
			assertThat(healthResult.statuses().keySet()).as(healthResult.output())
				.isSubsetOf(Set.of(200, 503))
				.contains(200, 503);
			assertThat(metricsResult.statuses().keySet()).as(metricsResult.output()).containsOnly(200);
			assertThat(healthResult.socketErrors() + metricsResult.socketErrors()).isZero();
			assertThat(healthResult.requestsPerSecond()).isGreaterThan(1000);
			assertThat(healthResult.p99Micros()).isLessThan(500_000);
			assertThat(metricsResult.p99Micros()).isLessThan(2_000_000);
			assertThat(samplesAfter - samplesBefore).as("ticks during the flood")
				.isGreaterThanOrEqualTo(FLOOD.toSeconds() * 0.8);
			assertThat(Http.get(port, "/health").body()).contains("\"sampler\":{\"level\":\"ok\"");
		}
	}

	private static Wrk.Result run(Wrk wrk, int port, String path, int connections) {
		try {
			return wrk.run(port, path, connections, FLOOD);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double samples(int port) {
		Matcher matcher = SAMPLES.matcher(Http.get(port, "/metrics").body());
		assertThat(matcher.find()).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
