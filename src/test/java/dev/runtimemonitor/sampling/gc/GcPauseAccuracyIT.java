package dev.runtimemonitor.sampling.gc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link PauseWorkload} in a forked JVM under each collector with
 * {@code -Xlog:gc,gc+phases=info} and compares, GC by GC, the pauses the recorder saw
 * with the pauses the JVM logged over the recorder's lifetime: the same collections, the
 * same number of pauses, each pause within max(0.2 ms, 5 %), the total within 10 %. The
 * pauses from GC notifications, recorded in the same run, are held to the same bar and
 * shown to miss it. The figures of every run go to {@code target/gc-pause-accuracy.md}.
 */
class GcPauseAccuracyIT {

	private static final Pattern LOG_PAUSE = Pattern
		.compile("^\\[(\\d+\\.\\d+)s\\].*GC\\((\\d+)\\) (?:[YyOo]: )?(Pause .*?) (\\d+\\.\\d+)ms$");

	private static final double PAUSE_TOLERANCE_MS = 0.2;

	private static final double PAUSE_TOLERANCE_RATIO = 0.05;

	private static final double TOTAL_TOLERANCE_RATIO = 0.10;

	private static final List<String> report = new ArrayList<>();

	@TempDir
	Path directory;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "G1", "Parallel", "Serial", "Z", "Shenandoah" })
	void recordedPausesAgreeWithTheGcLog(String collector) throws Exception {
		Path log = this.directory.resolve("gc.log");
		Path output = this.directory.resolve("workload.out");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:+Use" + collector + "GC", "-Xms1g", "-Xmx1g", "-XX:ParallelGCThreads=1", "-XX:ConcGCThreads=1",
				"-Xlog:gc,gc+phases=info:file=" + log, "-cp", System.getProperty("java.class.path"),
				PauseWorkload.class.getName(), this.directory.toString(), "6")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		assertThat(this.directory.resolve("done")).as(() -> read(output)).exists();
		List<Pause> logged = parseLog(log);
		List<Pause> jfr = parseRecorded(this.directory.resolve("jfr.tsv"));
		List<Pause> notified = parseRecorded(this.directory.resolve("notifications.tsv"));
		assertThat(jfr).as("pauses recorded from JFR").isNotEmpty();

		long firstGc = jfr.stream().mapToLong(Pause::gcId).min().orElseThrow();
		long lastGc = jfr.stream().mapToLong(Pause::gcId).max().orElseThrow();
		List<Pause> inScope = logged.stream()
			.filter((pause) -> pause.gcId() >= firstGc && pause.gcId() <= lastGc)
			.toList();
		Comparison byJfr = compareByCollection(inScope, jfr);
		Comparison byNotifications = compareInOrder(inScope, notifiedDuring(notified, jfr));
		report.add(String.format("| %s | %d | %d | %d | %d | %.3f | %.3f (%+.2f%%) | %.4f | %d | %.3f (%+.2f%%) | %d |",
				collector, byJfr.collections(), inScope.size(), jfr.size(), byNotifications.recorded(),
				byJfr.loggedTotalMs(), byJfr.recordedTotalMs(), byJfr.totalErrorPercent(), byJfr.worstErrorMs(),
				byJfr.outOfTolerance(), byNotifications.recordedTotalMs(), byNotifications.totalErrorPercent(),
				byNotifications.outOfTolerance()));

		assertThat(byJfr.missing()).as("collections logged but not recorded, or recorded but not logged").isEmpty();
		assertThat(byJfr.outOfTolerance()).as("JFR pauses outside max(0.2 ms, 5 %%) of the log: %s", byJfr.details())
			.isZero();
		assertThat(Math.abs(byJfr.totalErrorPercent())).as("JFR total error %")
			.isLessThanOrEqualTo(100 * TOTAL_TOLERANCE_RATIO);
		assertThat(byNotifications.passes()).as("millisecond notifications meet the bar").isFalse();
	}

	@AfterAll
	static void writeReport() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(
				"| collector | GCs | pauses logged | pauses JFR | pauses notified | logged total ms | JFR total ms | JFR worst pause error ms | JFR pauses out of tolerance | notified total ms | notified pauses out of tolerance |");
		lines.add("|---|---|---|---|---|---|---|---|---|---|---|");
		lines.addAll(report);
		Path target = Path.of("target", "gc-pause-accuracy.md");
		Files.createDirectories(target.getParent());
		Files.write(target, lines);
		lines.forEach(System.out::println);
	}

	private static Comparison compareByCollection(List<Pause> logged, List<Pause> recorded) {
		Map<Long, List<Pause>> loggedByGc = byCollection(logged);
		Map<Long, List<Pause>> recordedByGc = byCollection(recorded);
		List<Long> missing = new ArrayList<>();
		List<String> details = new ArrayList<>();
		int outOfTolerance = 0;
		double worst = 0;
		for (long gcId : union(loggedByGc, recordedByGc)) {
			List<Pause> expected = loggedByGc.getOrDefault(gcId, List.of());
			List<Pause> actual = recordedByGc.getOrDefault(gcId, List.of());
			if (expected.size() != actual.size()) {
				missing.add(gcId);
				details.add("GC(" + gcId + ") logged " + expected.size() + " pauses, recorded " + actual.size());
				continue;
			}
			for (int i = 0; i < expected.size(); i++) {
				double error = Math.abs(actual.get(i).millis() - expected.get(i).millis());
				worst = Math.max(worst, error);
				if (!withinTolerance(expected.get(i).millis(), actual.get(i).millis())) {
					outOfTolerance++;
					details.add("GC(" + gcId + ") " + expected.get(i).name() + " logged " + expected.get(i).millis()
							+ " ms, recorded " + actual.get(i).millis() + " ms");
				}
			}
		}
		return new Comparison(loggedByGc.size(), recorded.size(), total(logged), total(recorded), worst, outOfTolerance,
				missing, details);
	}

	private static Comparison compareInOrder(List<Pause> logged, List<Pause> recorded) {
		int outOfTolerance = 0;
		double worst = 0;
		if (logged.size() != recorded.size()) {
			outOfTolerance = Math.abs(logged.size() - recorded.size());
		}
		for (int i = 0; i < Math.min(logged.size(), recorded.size()); i++) {
			worst = Math.max(worst, Math.abs(recorded.get(i).millis() - logged.get(i).millis()));
			if (!withinTolerance(logged.get(i).millis(), recorded.get(i).millis())) {
				outOfTolerance++;
			}
		}
		return new Comparison(byCollection(logged).size(), recorded.size(), total(logged), total(recorded), worst,
				outOfTolerance, List.of(), List.of());
	}

	/**
	 * The notified pauses that ended while the recorder saw pauses (both are timed on the
	 * JVM's clock; the log's uptime starts a little later).
	 */
	private static List<Pause> notifiedDuring(List<Pause> notified, List<Pause> recorded) {
		double from = recorded.stream().mapToDouble(Pause::uptimeMs).min().orElse(0) - 2;
		double to = recorded.stream().mapToDouble(Pause::uptimeMs).max().orElse(0) + 2;
		return notified.stream()
			.filter((pause) -> pause.uptimeMs() >= from && pause.uptimeMs() <= to)
			.sorted(Comparator.comparingDouble(Pause::uptimeMs))
			.toList();
	}

	private static boolean withinTolerance(double loggedMs, double recordedMs) {
		return Math.abs(recordedMs - loggedMs) <= Math.max(PAUSE_TOLERANCE_MS, PAUSE_TOLERANCE_RATIO * loggedMs);
	}

	private static List<Long> union(Map<Long, List<Pause>> first, Map<Long, List<Pause>> second) {
		TreeMap<Long, Boolean> ids = new TreeMap<>();
		first.keySet().forEach((id) -> ids.put(id, true));
		second.keySet().forEach((id) -> ids.put(id, true));
		return new ArrayList<>(ids.keySet());
	}

	private static Map<Long, List<Pause>> byCollection(List<Pause> pauses) {
		Map<Long, List<Pause>> byGc = new TreeMap<>();
		pauses.stream()
			.sorted(Comparator.comparingDouble(Pause::uptimeMs))
			.forEach((pause) -> byGc.computeIfAbsent(pause.gcId(), (id) -> new ArrayList<>()).add(pause));
		return byGc;
	}

	private static double total(List<Pause> pauses) {
		return pauses.stream().mapToDouble(Pause::millis).sum();
	}

	private static List<Pause> parseLog(Path log) throws IOException {
		List<Pause> pauses = new ArrayList<>();
		for (String line : Files.readAllLines(log)) {
			Matcher matcher = LOG_PAUSE.matcher(line);
			if (matcher.matches()) {
				pauses.add(new Pause(Long.parseLong(matcher.group(2)), matcher.group(3),
						Double.parseDouble(matcher.group(4)), Double.parseDouble(matcher.group(1)) * 1000));
			}
		}
		return pauses;
	}

	private static List<Pause> parseRecorded(Path file) throws IOException {
		List<Pause> pauses = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			String[] fields = line.split("\t");
			pauses.add(new Pause(Long.parseLong(fields[0]), fields[1] + "/" + fields[2],
					Long.parseLong(fields[3]) / 1e6, Double.parseDouble(fields[4])));
		}
		return pauses;
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "(no output)";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private record Pause(long gcId, String name, double millis, double uptimeMs) {
	}

	private record Comparison(int collections, int recorded, double loggedTotalMs, double recordedTotalMs,
			double worstErrorMs, int outOfTolerance, List<Long> missing, List<String> details) {

		double totalErrorPercent() {
			return (this.loggedTotalMs == 0) ? 0
					: 100 * (this.recordedTotalMs - this.loggedTotalMs) / this.loggedTotalMs;
		}

		boolean passes() {
			return this.outOfTolerance == 0 && this.missing.isEmpty()
					&& Math.abs(totalErrorPercent()) <= 100 * TOTAL_TOLERANCE_RATIO;
		}

	}

}
