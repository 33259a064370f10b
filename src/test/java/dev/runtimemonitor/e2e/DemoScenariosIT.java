package dev.runtimemonitor.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each fault scenario of the {@code demo} profile against the packaged jar: the check it
 * aims at turns critical, {@code /health} and the check's probe answer 503 within the
 * sustain and one interval, and, once the fault is cleared, 200 again within an interval
 * (gc-overhead is a share over a window, whose span adds to both; the deadlock never
 * clears).
 * <p>
 * The slack: a fault that starts just after a tick is first seen one interval later, and
 * a tick that runs a little early can miss the end of the sustain by a hair and leave the
 * level to the next one, another interval; the rest covers the 50ms poll and a loaded
 * two-core machine. Observed times are printed.
 */
class DemoScenariosIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration INTERVAL = Duration.ofMillis(500);

	private static final Duration SUSTAIN = Duration.ofSeconds(2);

	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration TRIGGER_BOUND = SUSTAIN.plus(INTERVAL).plus(SLACK);

	private static final Duration RECOVERY_BOUND = INTERVAL.plus(SLACK);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void threadLeakFailsLivenessUntilReleased() throws Exception {
		try (AppProcess app = start(List.of(), "--runtime-monitor.checks.threads.warning=100",
				"--runtime-monitor.checks.threads.critical=150", "--runtime-monitor.checks.threads.sustain=2s")) {
			int port = awaitHealthy(app);
			assertOk(Http.post(port, "/demo/threads?count=200"));
			Duration down = awaitStatus(port, 503, TRIGGER_BOUND);
			assertCritical(port, "threads", "liveness", "readiness");
			assertOk(Http.delete(port, "/demo/threads"));
			Duration up = awaitStatus(port, 200, RECOVERY_BOUND);
			assertThat(Http.get(port, "/health/liveness").statusCode()).isEqualTo(200);
			report("threads", down, TRIGGER_BOUND, up, RECOVERY_BOUND);
		}
	}

	@Test
	void retainedHeapFailsLivenessUntilReleased() throws Exception {
		try (AppProcess app = start(List.of("-Xmx256m"), "--runtime-monitor.checks.heap.warning=0.4",
				"--runtime-monitor.checks.heap.critical=0.5", "--runtime-monitor.checks.heap.sustain=2s")) {
			int port = awaitHealthy(app);
			assertOk(Http.post(port, "/demo/heap?megabytes=150"));
			Duration down = awaitStatus(port, 503, TRIGGER_BOUND);
			assertCritical(port, "heap", "liveness", "readiness");
			assertOk(Http.delete(port, "/demo/heap"));
			Duration up = awaitStatus(port, 200, RECOVERY_BOUND);
			assertThat(Http.get(port, "/health/liveness").statusCode()).isEqualTo(200);
			report("heap", down, TRIGGER_BOUND, up, RECOVERY_BOUND);
		}
	}

	@Test
	void allocationChurnFailsReadinessUntilStopped() throws Exception {
		Duration window = INTERVAL.multipliedBy(2);
		try (AppProcess app = start(List.of("-Xmx64m"), "--runtime-monitor.window=" + window.toMillis() + "ms",
				"--runtime-monitor.checks.gc-overhead.warning=0.02",
				"--runtime-monitor.checks.gc-overhead.critical=0.04",
				"--runtime-monitor.checks.gc-overhead.sustain=2s")) {
			int port = awaitHealthy(app);
			assertThat(Http.post(port, "/demo/garbage?megabytesPerSecond=2000&seconds=60").statusCode()).isEqualTo(202);
			// The overhead is a share over the window: it rises once the churn's pauses
			// fill the window, and falls once they have left it.
			Duration triggerBound = TRIGGER_BOUND.plus(window);
			Duration down = awaitStatus(port, 503, triggerBound);
			assertCritical(port, "gc-overhead", "readiness", "liveness");
			assertOk(Http.delete(port, "/demo/garbage"));
			Duration recoveryBound = RECOVERY_BOUND.plus(window);
			Duration up = awaitStatus(port, 200, recoveryBound);
			assertThat(Http.get(port, "/health/readiness").statusCode()).isEqualTo(200);
			report("gc-overhead", down, triggerBound, up, recoveryBound);
		}
	}

	@Test
	void deadlockFailsLivenessForGood() throws Exception {
		try (AppProcess app = start(List.of(), "--runtime-monitor.deadlock-interval=500ms",
				"--runtime-monitor.checks.deadlock.sustain=2s")) {
			int port = awaitHealthy(app);
			assertOk(Http.post(port, "/demo/deadlock"));
			Duration down = awaitStatus(port, 503, TRIGGER_BOUND);
			assertCritical(port, "deadlock", "liveness", "readiness");
			Duration stays = SUSTAIN.plus(INTERVAL.multipliedBy(2));
			await().during(stays)
				.atMost(stays.plusSeconds(2))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Http.get(port, "/health/liveness").statusCode() == 503);
			System.out.printf("[demo] deadlock: 503 after %dms (bound %dms), still 503 %dms later%n", down.toMillis(),
					TRIGGER_BOUND.toMillis(), stays.toMillis());
		}
	}

	private static AppProcess start(List<String> jvmOptions, String... checks) throws Exception {
		List<String> arguments = new ArrayList<>(
				List.of("--spring.profiles.active=demo", "--runtime-monitor.interval=" + INTERVAL.toMillis() + "ms"));
		arguments.addAll(List.of(checks));
		return AppProcess.start(jvmOptions, arguments);
	}

	private static int awaitHealthy(AppProcess app) throws InterruptedException {
		int port = app.awaitPort(START_TIMEOUT);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> Http.get(port, "/health").statusCode() == 200);
		return port;
	}

	private static Duration awaitStatus(int port, int status, Duration bound) {
		long start = System.nanoTime();
		await().atMost(bound)
			.pollInterval(Duration.ofMillis(50))
			.alias("/health answers " + status)
			.until(() -> Http.get(port, "/health").statusCode() == status);
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static void assertCritical(int port, String check, String probe, String otherProbe) {
		JsonNode health = json.readTree(Http.get(port, "/health").body());
		assertThat(level(health.at("/components/runtime/details/checks"), check)).isEqualTo("critical");
		HttpResponse<String> probeResponse = Http.get(port, "/health/" + probe);
		assertThat(probeResponse.statusCode()).as(probeResponse.body()).isEqualTo(503);
		String group = "runtime" + Character.toUpperCase(probe.charAt(0)) + probe.substring(1);
		JsonNode probeHealth = json.readTree(probeResponse.body());
		assertThat(level(probeHealth.at("/components/" + group + "/details/checks"), check)).isEqualTo("critical");
		HttpResponse<String> other = Http.get(port, "/health/" + otherProbe);
		assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
	}

	private static String level(JsonNode checks, String check) {
		return checks.path(check).path("level").asString("(no such check in " + checks + ")");
	}

	private static void assertOk(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static void report(String scenario, Duration down, Duration downBound, Duration up, Duration upBound) {
		System.out.printf("[demo] %s: 503 after %dms (bound %dms), 200 again %dms after clearing (bound %dms)%n",
				scenario, down.toMillis(), downBound.toMillis(), up.toMillis(), upBound.toMillis());
	}

}
