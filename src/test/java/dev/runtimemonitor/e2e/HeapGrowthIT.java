package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.runtimemonitor.e2e.LiveSetTrace.Observation;
import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.LongLane;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

/**
 * The heap-growth check on the packaged G1 service (issue 13, part 3: the heap's live-set
 * trend), both halves at once, on two services run side by side with the same heap, the
 * same churn and the same scrape load:
 * <ul>
 * <li><b>quiet</b>, no leak: young collections promote the churn's survivors, so the heap
 * after each collection climbs with garbage until G1 marks and its mixed collections take
 * the garbage back. The live set stays flat, its growth stays near zero and the check
 * stays ok, while the trend is known.
 * <li><b>leak</b>: the same, retaining 2 MiB every 20 s. Once the trend is known, the
 * growth reads the retention rate, the time until full follows from it, and the check is
 * at the level its thresholds give.
 * </ul>
 * The trend needs fifteen minutes of collections that reclaim the old generation, and a
 * quiet G1 service may run none for half an hour, so the JVM is set to run them all the
 * time: survivor spaces a quarter of their default size, so that each young collection
 * overflows the churn's survivors into the old generation (the promoted garbage of the
 * issue, faster) and G1 marks and runs mixed collections every few seconds. With
 * {@code -XX:+DisableExplicitGC}, the {@link System#gc()} that {@code POST /demo/heap}
 * requests cannot hand the monitor a clean full collection at every step of the leak:
 * what it sees comes from the collections G1 chooses, and from the one full collection of
 * the class histogram the evidence takes when the leak's check rises to warning, which
 * the trend must not read as the leak slowing down. The critical threshold is lowered to
 * 5 minutes on both, so the leak's projection (about twenty minutes) sits between
 * critical and the default warning (6 hours), which the quiet service is held to. Each
 * service's GC log is in {@code target/heap-growth-it}; a table of what was observed goes
 * to the output.
 */
@LongLane
class HeapGrowthIT {

	private static final double MIB = 1024 * 1024;

	private static final Path LOGS = Path.of("target", "heap-growth-it");

	private static final List<String> JVM = List.of("-XX:+UseG1GC", "-Xmx256m", "-XX:SurvivorRatio=32",
			"-XX:+DisableExplicitGC");

	/** The interval: a short one sees every drop of the old generation. */
	private static final Duration INTERVAL = Duration.ofMillis(100);

	private static final int CHURN_MEGABYTES_PER_SECOND = 20;

	private static final Duration SCRAPE_EVERY = Duration.ofMillis(500);

	private static final int LEAK_MEGABYTES = 2;

	private static final Duration LEAK_EVERY = Duration.ofSeconds(20);

	private static final double LEAK_BYTES_PER_SECOND = LEAK_MEGABYTES * MIB / LEAK_EVERY.toSeconds();

	/** How far the measured growth may be from the retention rate. */
	private static final double LEAK_TOLERANCE_PERCENT = 35;

	/** Near zero: a tenth of the leak, about 0.6 MiB a minute. */
	private static final double QUIET_GROWTH_LIMIT = LEAK_BYTES_PER_SECOND / 10;

	/**
	 * Enough promoted garbage above the live set for a trend over heap after GC to
	 * follow.
	 */
	private static final double PROMOTED_GARBAGE = 10 * MIB;

	private static final Duration CRITICAL = Duration.ofMinutes(5);

	/** The check's default sustain, left as it is. */
	private static final Duration SUSTAIN = Duration.ofSeconds(15);

	private static final Duration OBSERVE_EVERY = Duration.ofSeconds(10);

	/** How long the trend must stay known, under observation, at the end. */
	private static final Duration KNOWN_FOR = Duration.ofMinutes(2);

	/**
	 * The longest run: the first old-generation collection within a minute or two of the
	 * load, fifteen minutes of them, and the two known minutes.
	 */
	private static final Duration RUN_BOUND = Duration.ofMinutes(20);

	@Test
	void theLiveSetTrendStaysFlatWithoutALeakAndReadsALeak() throws Exception {
		Files.createDirectories(LOGS);
		try (AppProcess quietApp = start("quiet");
				AppProcess leakApp = start("leak");
				PacedLoad load = new PacedLoad()) {
			int quietPort = awaitHealthy(quietApp);
			int leakPort = awaitHealthy(leakApp);
			long start = System.nanoTime();
			List<PacedLoad.Stream> scrapes = List.of(churnAndScrape(load, quietPort), churnAndScrape(load, leakPort));
			PacedLoad.Stream leak = load.every(LEAK_EVERY, (int) (RUN_BOUND.toMillis() / LEAK_EVERY.toMillis()), 200,
					() -> Http.post(leakPort, "/demo/heap?megabytes=" + LEAK_MEGABYTES));
			LiveSetTrace quiet = new LiveSetTrace("quiet", quietPort, start);
			LiveSetTrace leaking = new LiveSetTrace("leak", leakPort, start);
			try {
				observeUntilBothKnown(quiet, leaking);
			}
			finally {
				System.out.print(HeapGrowthTable.of(quiet, leaking, List.of(gcSummary("quiet"), gcSummary("leak"))));
				System.out.printf(
						"[heap-growth] %ds of load; leak requests %d (%d failed, last: %s); scrapes %d and %d "
								+ "(%d and %d failed); reports unanswered %d and %d%n",
						Duration.ofNanos(System.nanoTime() - start).toSeconds(), leak.sent(), leak.failed(),
						leak.lastFailure(), scrapes.get(0).sent(), scrapes.get(1).sent(), scrapes.get(0).failed(),
						scrapes.get(1).failed(), quiet.unanswered(), leaking.unanswered());
			}
			assertQuiet(quiet);
			assertLeakSeen(leaking, leak);
		}
	}

	/**
	 * Churn for the whole run and scrape {@code /metrics}, as Prometheus would, faster.
	 */
	private static PacedLoad.Stream churnAndScrape(PacedLoad load, int port) {
		HttpResponse<String> churn = Http.post(port,
				"/demo/garbage?megabytesPerSecond=" + CHURN_MEGABYTES_PER_SECOND + "&seconds=" + RUN_BOUND.toSeconds());
		assertThat(churn.statusCode()).as("POST /demo/garbage: %s", churn.body()).isEqualTo(202);
		return load.every(SCRAPE_EVERY, (int) (RUN_BOUND.toMillis() / SCRAPE_EVERY.toMillis()), 200,
				() -> Http.get(port, "/metrics"));
	}

	/**
	 * Observe both services until both trends have been known for a while, or the run's
	 * bound; the assertions then say which trend stayed unknown.
	 */
	private static void observeUntilBothKnown(LiveSetTrace quiet, LiveSetTrace leaking) {
		try {
			await().atMost(RUN_BOUND).pollDelay(Duration.ZERO).pollInterval(OBSERVE_EVERY).until(() -> {
				quiet.observe();
				leaking.observe();
				return quiet.knownFor().compareTo(KNOWN_FOR) >= 0 && leaking.knownFor().compareTo(KNOWN_FOR) >= 0;
			});
		}
		catch (ConditionTimeoutException ex) {
			// Reported by the assertions, with the table already printed.
		}
	}

	/**
	 * No leak: the trend is known, near zero, and the check never leaves ok, though the
	 * heap after GC carries promoted garbage.
	 */
	private static void assertQuiet(LiveSetTrace quiet) {
		assertThat(quiet.knownFor())
			.as("quiet: how long the trend was known at the end (it must be computed, or this proves nothing)")
			.isGreaterThanOrEqualTo(KNOWN_FOR);
		for (Observation observation : quiet.observations()) {
			assertThat(observation.level()).as("quiet: heap-growth level at %s", observation.at())
				.isIn("unknown", "ok");
		}
		for (Observation observation : known(quiet)) {
			assertThat(observation.growthBytesPerSecond()).as("quiet: live-set growth at %s", observation.at())
				.isLessThanOrEqualTo(QUIET_GROWTH_LIMIT);
		}
		assertThat(highest(quiet.observations(), (o) -> o.usedAfterGcBytes() - o.liveSetBytes()))
			.as("quiet: the most promoted garbage the heap after GC carried above the live set")
			.isGreaterThanOrEqualTo(PROMOTED_GARBAGE);
	}

	/**
	 * The leak: once known, the growth is the retention rate, the projection follows from
	 * it, and the level from the thresholds.
	 */
	private static void assertLeakSeen(LiveSetTrace leaking, PacedLoad.Stream leak) {
		assertThat(leak.failed()).as("leak requests that failed, the last: %s", leak.lastFailure()).isZero();
		assertThat(leaking.knownFor()).as("leak: how long the trend was known at the end")
			.isGreaterThanOrEqualTo(KNOWN_FOR);
		for (Observation observation : known(leaking)) {
			assertThat(observation.growthBytesPerSecond()).as("leak: live-set growth at %s", observation.at())
				.isCloseTo(LEAK_BYTES_PER_SECOND, withinPercentage(LEAK_TOLERANCE_PERCENT));
			double projection = (observation.maxBytes() - observation.liveSetBytes())
					/ observation.growthBytesPerSecond();
			assertThat(observation.secondsUntilFull()).as("leak: seconds until full at %s", observation.at())
				.isCloseTo(projection, withinPercentage(0.01));
			assertThat(observation.value()).as("leak: the check's value at %s", observation.at())
				.isCloseTo(observation.secondsUntilFull(), within(1e-6));
		}
		// A level rises only once its breach has lasted the sustain.
		List<Observation> run = leaking.knownRun();
		Duration settled = run.get(0).at().plus(SUSTAIN).plus(INTERVAL);
		for (Observation observation : run) {
			if (observation.at().compareTo(settled) >= 0) {
				assertThat(observation.level())
					.as("leak: heap-growth level at %s, for %.0f s until full", observation.at(), observation.value())
					.isEqualTo(observation.levelByThresholds());
			}
		}
		assertThat(run.get(run.size() - 1).level())
			.as("leak: the final level, between critical (%s) and the default warning (6 h)", CRITICAL)
			.isEqualTo("warning");
	}

	private static List<Observation> known(LiveSetTrace trace) {
		return trace.observations().stream().filter(Observation::known).toList();
	}

	private static double highest(List<Observation> observations, ToDoubleFunction<Observation> figure) {
		return observations.stream().mapToDouble(figure).filter((value) -> !Double.isNaN(value)).max().orElse(0);
	}

	private static AppProcess start(String name) throws IOException {
		List<String> jvm = new ArrayList<>(JVM);
		jvm.add("-Xlog:gc:file=" + LOGS.resolve(name + "-gc.log"));
		return AppProcess.start(jvm,
				List.of("--spring.profiles.active=demo", "--runtime-monitor.interval=" + INTERVAL.toMillis() + "ms",
						"--runtime-monitor.checks.heap-growth.critical=" + CRITICAL.toSeconds() + "s",
						"--demo.garbage.max-duration=" + RUN_BOUND.toSeconds() + "s"));
	}

	private static int awaitHealthy(AppProcess app) throws InterruptedException {
		int port = app.awaitPort(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Http.get(port, "/health").statusCode() == 200);
		return port;
	}

	/**
	 * What the JVM's own GC log says: the collections that reclaim the old generation.
	 */
	private static String gcSummary(String name) {
		try {
			List<String> lines = Files.readAllLines(LOGS.resolve(name + "-gc.log"));
			long mixed = lines.stream().filter((line) -> line.contains("Pause Young (Mixed)")).count();
			long remarks = lines.stream().filter((line) -> line.contains("Pause Remark")).count();
			long full = lines.stream().filter((line) -> line.contains("Pause Full")).count();
			long histograms = lines.stream().filter((line) -> line.contains("Heap Inspection Initiated GC")).count();
			return String.format(
					"%s: %d mixed collections, %d remarks, %d full collections, %d of them the class histogram's (GC log)",
					name, mixed, remarks, full, histograms);
		}
		catch (IOException ex) {
			return name + ": no GC log (" + ex.getMessage() + ")";
		}
	}

}
