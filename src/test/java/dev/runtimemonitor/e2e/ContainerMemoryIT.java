package dev.runtimemonitor.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.LongLane;
import dev.runtimemonitor.testsupport.MemoryCgroup;
import dev.runtimemonitor.testsupport.RuntimeJson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service in a real memory control group with a 400 MiB limit, its demo
 * growing native memory (direct buffers, outside the heap): the container-memory check
 * reads what the kernel counts, and readiness goes DOWN before the kernel's OOM kill, for
 * a fast climb and for a slow one, with the check's default thresholds and sustain; a
 * spike freed at once never takes the pod out of service. Skipped without a writable
 * memory cgroup, except in CI. Each step's figures go to the output.
 */
@LongLane
class ContainerMemoryIT {

	private static final long MIB = 1024 * 1024;

	private static final long LIMIT = 400 * MIB;

	private static final long GIB = 1024 * MIB;

	/** The burst's critical threshold, 36 MiB short of the 400 MiB limit. */
	private static final double SPIKE_CRITICAL = 0.90;

	/**
	 * A small heap, so that most of the limit is left for what grows outside it, resident
	 * from the start: otherwise the first full collection touches the heap's untouched
	 * pages, and the working set rises by tens of megabytes just when the spike test
	 * frees its memory, a few megabytes under the limit.
	 */
	private static final List<String> JVM = List.of("-Xms96m", "-Xmx96m", "-XX:+AlwaysPreTouch",
			"-XX:MaxDirectMemorySize=2g");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> report = new ArrayList<>();

	@AfterAll
	static void printReport() {
		report.forEach(System.out::println);
	}

	private static List<String> arguments(@Nullable String interval) {
		return (interval != null)
				? List.of("--spring.profiles.active=demo", "--runtime-monitor.interval=" + interval,
						"--demo.native-memory.max-megabytes=2048")
				: List.of("--spring.profiles.active=demo", "--demo.native-memory.max-megabytes=2048");
	}

	@Test
	void theCheckReadsTheWorkingSetTheKernelCounts() throws Exception {
		try (MemoryCgroup group = MemoryCgroup.create("working-set", LIMIT);
				AppProcess app = AppProcess.startIn(group, JVM, arguments("1s"))) {
			int port = app.awaitPort(Duration.ofSeconds(90));
			for (int step = 0; step <= 4; step++) {
				if (step > 0) {
					assertThat(Http.post(port, "/demo/native?megabytes=30").statusCode()).isEqualTo(200);
				}
				awaitTwoTicks(port);
				// The kernel's figure just before and just after the sample the check
				// judged: the JVM's own memory moves a little between any two reads.
				long before = group.workingSetBytes();
				String sampledAt = awaitNextTick(port, sampledAt(port), Duration.ofMillis(20));
				long after = group.workingSetBytes();
				JsonNode check = containerMemory(port);
				assertThat(sampledAt(port)).as("no tick between the kernel's reads and the check's")
					.isEqualTo(sampledAt);
				double judged = check.get("value").asDouble() * LIMIT;
				double nearest = Math.clamp(judged, Math.min(before, after), Math.max(before, after));
				report.add(String.format(
						"working set, step %d: the check %.1f MiB, the kernel %.1f to %.1f MiB (%+.2f%% from the nearest)",
						step, judged / MIB, (double) before / MIB, (double) after / MIB,
						100 * (judged - nearest) / nearest));
				assertThat(judged).as("step %d", step).isCloseTo(nearest, withinPercentage(2));
			}
		}
	}

	@Test
	void aSpikeFreedAtOnceNeverTakesThePodOutOfService() throws Exception {
		// A critical threshold of 0.90, not 0.95: the burst must cross it and stay clear
		// of the limit while the service's own memory moves on top of it, which reached
		// 14 MiB; 4 % of 400 MiB above the burst once was not enough, and the kernel
		// killed the service.
		List<String> arguments = new ArrayList<>(arguments("1s"));
		arguments.add("--runtime-monitor.checks.container-memory.critical=" + SPIKE_CRITICAL);
		try (MemoryCgroup group = MemoryCgroup.create("spike", LIMIT);
				AppProcess app = AppProcess.startIn(group, JVM, arguments)) {
			int port = app.awaitPort(Duration.ofSeconds(90));
			awaitTwoTicks(port);
			// Most of the burst, then the rest from a fresh read: the service's own
			// memory moves by megabytes meanwhile.
			long spike = 0;
			for (double target : new double[] { SPIKE_CRITICAL - 0.05, SPIKE_CRITICAL + 0.01 }) {
				long megabytes = (long) (target * LIMIT - group.workingSetBytes()) / MIB;
				if (megabytes > 0) {
					assertThat(Http.post(port, "/demo/native?megabytes=" + megabytes).statusCode()).isEqualTo(200);
					spike += megabytes;
				}
			}
			double highest = 0;
			long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
			while (System.nanoTime() < until) {
				highest = Math.max(highest, containerMemory(port).get("value").asDouble());
				assertReady(port, "while the spike is held");
				Thread.sleep(100);
			}
			assertThat(Http.delete(port, "/demo/native").statusCode()).isEqualTo(200);
			long watchUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < watchUntil) {
				assertReady(port, "after the spike");
				Thread.sleep(200);
			}
			report
				.add(String.format("spike of %d MiB held 2.5 s: the check saw %.1f%% of the limit, readiness stayed UP",
						spike, highest * 100));
			assertThat(highest).as("the spike reached the critical threshold").isGreaterThanOrEqualTo(SPIKE_CRITICAL);
			assertThat(group.oomKills()).isZero();
		}
	}

	@Test
	void readinessGoesDownBeforeTheOomKillOnAFastClimbAtTheDefaultInterval() throws Exception {
		climbUntilKilled("fast climb, 25 MiB/s, 1 GiB limit, default interval", GIB, 25, null);
	}

	@Test
	void readinessGoesDownBeforeTheOomKillOnAFastClimbInASmallContainerAtAShortInterval() throws Exception {
		climbUntilKilled("fast climb, 25 MiB/s, 400 MiB limit, interval 1s", LIMIT, 25, "1s");
	}

	@Test
	void readinessGoesDownBeforeTheOomKillOnASlowClimbAtTheDefaultInterval() throws Exception {
		climbUntilKilled("slow climb, 2 MiB/s, 400 MiB limit, default interval", LIMIT, 2, null);
	}

	/**
	 * Climb at a steady rate until the kernel kills the process, polling readiness.
	 * @param interval the sampling interval, {@code null} for the default
	 */
	private static void climbUntilKilled(String name, long limit, int megabytesPerSecond, @Nullable String interval)
			throws Exception {
		try (MemoryCgroup group = MemoryCgroup.create("climb", limit);
				AppProcess app = AppProcess.startIn(group, JVM, arguments(interval))) {
			int port = app.awaitPort(Duration.ofSeconds(90));
			awaitTwoTicks(port);
			assertThat(Http.get(port, "/health/readiness").statusCode()).isEqualTo(200);
			long start = System.nanoTime();
			long megabytes = (limit / MIB) * 5 / 4;
			assertThat(
					Http.post(port, "/demo/native?megabytes=" + megabytes + "&megabytesPerSecond=" + megabytesPerSecond)
						.statusCode())
				.isEqualTo(200);
			long firstDown = -1;
			long lastAnswer = start;
			long workingSetAtDown = -1;
			String downBody = "";
			long deadline = start + Duration.ofSeconds(megabytes / megabytesPerSecond + 60).toNanos();
			while (app.process().isAlive() && System.nanoTime() < deadline) {
				HttpResponse<String> readiness = readiness(port);
				if (readiness != null) {
					lastAnswer = System.nanoTime();
					if (readiness.statusCode() == 503 && firstDown < 0) {
						firstDown = lastAnswer;
						workingSetAtDown = group.workingSetBytes();
						downBody = readiness.body();
					}
				}
				Thread.sleep(100);
			}
			int exit = app.awaitExit(Duration.ofSeconds(30));
			long kills = group.oomKills();
			report.add(String.format(
					"%s: readiness DOWN after %.1f s at %d MiB of working set; last answer at %.1f s; exit %d, "
							+ "OOM kills %d",
					name, (firstDown - start) / 1e9, workingSetAtDown / MIB, (lastAnswer - start) / 1e9, exit, kills));
			assertThat(kills).as("the kernel killed it for memory").isPositive();
			assertThat(firstDown).as("readiness went DOWN before the kill").isPositive().isLessThan(lastAnswer);
			assertThat(json.readTree(downBody)
				.at("/components/runtimeReadiness/details/checks/container-memory/level")
				.asString()).as("container-memory is what turned readiness DOWN: %s", downBody).isEqualTo("critical");
		}
	}

	private static void assertReady(int port, String when) {
		HttpResponse<String> readiness = Http.get(port, "/health/readiness");
		assertThat(readiness.statusCode())
			.as("readiness %s: %s; container-memory %s", when, readiness.body(),
					(readiness.statusCode() == 200) ? "" : containerMemory(port))
			.isEqualTo(200);
	}

	private static @Nullable HttpResponse<String> readiness(int port) {
		try {
			return Http.get(port, "/health/readiness");
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private static JsonNode containerMemory(int port) {
		return RuntimeJson.check(json.readTree(Http.get(port, "/runtime", "application/json").body()),
				"container-memory");
	}

	/**
	 * Wait until two more samples have been taken, so that the latest one came after
	 * whatever the test just did.
	 */
	private static void awaitTwoTicks(int port) {
		awaitNextTick(port, awaitNextTick(port, sampledAt(port)));
	}

	private static String awaitNextTick(int port, String sampledAt) {
		return awaitNextTick(port, sampledAt, Duration.ofMillis(100));
	}

	private static String awaitNextTick(int port, String sampledAt, Duration poll) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(poll)
			.until(() -> sampledAt(port), (now) -> !now.equals(sampledAt));
	}

	private static String sampledAt(int port) {
		HttpResponse<String> response = Http.get(port, "/runtime", "application/json");
		return json.readTree(response.body()).get("sampledAt").asString();
	}

}
