package dev.runtimemonitor.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.Wrk;
import dev.runtimemonitor.testsupport.WrkLoad;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * wrk floods {@code /health} and {@code /metrics} for as long as the demo thread leak
 * takes to turn the service critical and back, each step awaited on what the service
 * answers: no answer but 200 (and 503 from the health while critical), no socket error,
 * and the monitor ticking all along, its own {@code sampler} check ok at every look. What
 * the flood costs (throughput, latency) is measured by
 * {@code scripts/bench/load-and-startup.sh}, not here.
 */
class ProbeFloodIT {

	/** Only a stuck scenario reaches it; each step below fails well before. */
	private static final Duration LOAD_CAP = Duration.ofMinutes(5);

	private static final Duration STEP = Duration.ofSeconds(60);

	private static final int TICKS_BEFORE_THE_LEAK = 3;

	private static final Pattern SAMPLES = Pattern.compile("^runtime_sample_duration_seconds_count (\\S+)$",
			Pattern.MULTILINE);

	@Test
	void probesStayAnsweredWhileTheRuntimeMisbehaves() throws Exception {
		try (AppProcess app = AppProcess.start(List.of("-Xmx256m"),
				List.of("--spring.profiles.active=demo", "--runtime-monitor.interval=1s",
						"--runtime-monitor.checks.threads.warning=150", "--runtime-monitor.checks.threads.critical=300",
						"--runtime-monitor.checks.threads.sustain=2s"))) {
			int port = app.awaitPort(Duration.ofSeconds(60));
			List<String> looks = new CopyOnWriteArrayList<>();
			Wrk.Result healthResult;
			Wrk.Result metricsResult;
			double samplesBefore;
			long flooded;
			Wrk wrk = Wrk.require();
			try (WrkLoad health = wrk.start(port, "/health", 16, LOAD_CAP);
					WrkLoad metrics = wrk.start(port, "/metrics", 4, LOAD_CAP)) {
				flooded = System.nanoTime();
				samplesBefore = samples(port);
				await().atMost(STEP)
					.pollInterval(Duration.ofMillis(250))
					.until(() -> look(port, looks, (answer) -> true)
							&& samples(port) >= samplesBefore + TICKS_BEFORE_THE_LEAK);
				assertThat(Http.post(port, "/demo/threads?count=400").statusCode()).isEqualTo(200);
				await().atMost(STEP)
					.pollInterval(Duration.ofMillis(250))
					.until(() -> look(port, looks, (answer) -> answer.statusCode() == 503
							&& answer.body().contains("\"threads\":{\"level\":\"critical\"")));
				assertThat(Http.delete(port, "/demo/threads").statusCode()).isEqualTo(200);
				await().atMost(STEP)
					.pollInterval(Duration.ofMillis(250))
					.until(() -> look(port, looks, (answer) -> answer.statusCode() == 200
							&& answer.body().contains("\"threads\":{\"level\":\"ok\"")));
				healthResult = health.stop();
				metricsResult = metrics.stop();
			}
			double samplesAfter = samples(port);

			System.out.printf(
					"%d s of flood; /health: %.0f req/s, p99 %d us, statuses %s%n/metrics: %.0f req/s, p99 %d us, statuses %s%n",
					Duration.ofNanos(System.nanoTime() - flooded).toSeconds(), healthResult.requestsPerSecond(),
					healthResult.p99Micros(), healthResult.statuses(), metricsResult.requestsPerSecond(),
					metricsResult.p99Micros(), metricsResult.statuses());
			assertThat(looks).as("what /health said at each look during the flood")
				.anyMatch((look) -> look.startsWith("503 threads critical"))
				.last()
				.isEqualTo("200 threads ok, sampler ok");
			assertThat(looks).as("the monitor's own check that its samples are on time, at each look")
				.allMatch((look) -> look.endsWith("sampler ok"));
			assertThat(healthResult.statuses().keySet()).as(healthResult.output())
				.isSubsetOf(Set.of(200, 503))
				.contains(200, 503);
			assertThat(metricsResult.statuses().keySet()).as(metricsResult.output()).containsOnly(200);
			assertThat(healthResult.socketErrors() + metricsResult.socketErrors()).isZero();
			assertThat(samplesAfter).as("samples taken during the flood").isGreaterThan(samplesBefore);
		}
	}

	/**
	 * Ask {@code /health} what it says now, note its status and the levels of the two
	 * checks this test follows, and say whether it is what the step awaits.
	 */
	private static boolean look(int port, List<String> looks, Predicate<HttpResponse<String>> awaited) {
		HttpResponse<String> health = Http.get(port, "/health");
		String body = health.body();
		looks.add(health.statusCode() + " threads " + level(body, "threads") + ", sampler " + level(body, "sampler"));
		return awaited.test(health);
	}

	private static String level(String health, String check) {
		Matcher matcher = Pattern.compile("\"" + check + "\":\\{\"level\":\"(\\w+)\"").matcher(health);
		return matcher.find() ? matcher.group(1) : "absent";
	}

	private static double samples(int port) {
		Matcher matcher = SAMPLES.matcher(Http.get(port, "/metrics").body());
		assertThat(matcher.find()).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
