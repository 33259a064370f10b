package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar's {@code Add-Exports: java.base/jdk.internal.perf} at work: with
 * {@code -XX:+PerfDisableSharedMem} the JVM writes no hsperfdata file, and the service
 * started with {@code java -jar} still reads its GC counters, in memory. The same jar
 * started from the class path, where the JVM does not apply the manifest's export, as for
 * a library in a host's application, has no way to the counters and falls back to Flight
 * Recorder. Both start at once, to keep the lane fast. The image runs the app.jar that
 * Spring Boot's layered extract writes, whose manifest must keep the export too.
 */
class GcCountersInMemoryIT {

	/** No counter file; G1, whose pauses have counters (Shenandoah's have none). */
	private static final List<String> NO_COUNTER_FILE = List.of("-XX:+PerfDisableSharedMem", "-XX:+UseG1GC");

	private static final List<String> ARGUMENTS = List.of("--runtime-monitor.interval=500ms");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static AppProcess withJar;

	private static AppProcess fromClassPath;

	@BeforeAll
	static void start() throws Exception {
		withJar = AppProcess.start(NO_COUNTER_FILE, ARGUMENTS);
		fromClassPath = AppProcess.startFromClassPath(NO_COUNTER_FILE, ARGUMENTS);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		for (AppProcess app : new AppProcess[] { withJar, fromClassPath }) {
			if (app != null) {
				app.close();
			}
		}
	}

	@Test
	void javaDashJarReadsTheGcCountersInMemoryWithoutTheirFile() throws InterruptedException {
		int port = withJar.awaitPort(START_TIMEOUT);
		JsonNode gc = awaitPauseSource(port, withJar);
		assertThat(gc.path("pauseSource").asString()).as(withJar.output()).isEqualTo("counters");
		assertThat(gc.path("pauseSourceReason").asString()).contains("the JVM's GC counters");
		assertThat(json.readTree(Http.get(port, "/info").body()).at("/runtime/gc/pauseSource").asString())
			.isEqualTo("counters");
		assertThat(withJar.output()).contains("read from the JVM's memory (jdk.internal.perf)");
	}

	@Test
	void theSameJarFromTheClassPathHasNoWayToTheCountersAndFallsBackToFlightRecorder() throws InterruptedException {
		int port = fromClassPath.awaitPort(START_TIMEOUT);
		JsonNode gc = awaitPauseSource(port, fromClassPath);
		assertThat(gc.path("pauseSource").asString()).as(fromClassPath.output()).isEqualTo("jfr");
		assertThat(gc.path("pauseSourceReason").asString()).contains("no performance counter file")
			.contains("java.base/jdk.internal.perf is not exported");
	}

	@Test
	void theImagesLayeredExtractKeepsTheExportInTheAppJarItRuns(@TempDir Path directory) throws Exception {
		Path layers = directory.resolve("layers");
		Path log = directory.resolve("extract.log");
		// What the Dockerfile runs; the image then runs java -jar application/app.jar.
		Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", AppProcess.packagedJar().toString(), "extract", "--layers",
				"--application-filename", "app.jar", "--destination", layers.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean exited = extract.waitFor(60, TimeUnit.SECONDS);
		if (!exited) {
			extract.destroyForcibly();
		}
		assertThat(exited).as("the extract ended within 60s").isTrue();
		assertThat(extract.exitValue()).as(Files.readString(log)).isZero();
		assertThat(addExports(layers.resolve("application/app.jar"))).isEqualTo("java.base/jdk.internal.perf");
	}

	private static String addExports(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getManifest().getMainAttributes().getValue("Add-Exports");
		}
	}

	/**
	 * The {@code gc} object of {@code /runtime} once the first sample has said where the
	 * pauses come from.
	 */
	private static JsonNode awaitPauseSource(int port, AppProcess app) {
		JsonNode[] gc = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			gc[0] = json.readTree(Http.get(port, "/runtime", "application/json").body()).path("gc");
			assertThat(gc[0].has("pauseSource")).as(app.output()).isTrue();
		});
		return gc[0];
	}

}
