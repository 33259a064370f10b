package dev.runtimemonitor.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Chromium;
import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser: headless Chromium loads it from the packaged jar, its
 * scripts fetch {@code /runtime} and {@code /runtime/history}, and the DOM it leaves
 * shows the charts drawn with data and every check's level. The threads check is forced
 * critical and file-descriptors forced to warning, so all four levels show. Screenshots
 * land in {@code target/dashboard.png} and {@code target/dashboard-phone.png} (390 px
 * wide).
 */
class DashboardIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration SCRIPT_BUDGET = Duration.ofSeconds(4);

	private static final int POINTS = 6;

	private static final int NARROW = 500;

	private static final Pattern FIGURE = Pattern.compile("<figure [^>]*>");

	private static final Pattern BADGE = Pattern.compile("data-check=\"([a-z-]+)\" data-level=\"([a-z]+)\"");

	private static final Pattern CANVAS_WIDTH = Pattern.compile("<canvas width=\"(\\d+)\"");

	private static final Pattern LATEST = Pattern.compile("data-latest=\"\">([^<]*)<");

	@Test
	void drawsTheChartsAndShowsEveryCheckLevel() throws Exception {
		Chromium chromium = Chromium.require();
		try (AppProcess app = AppProcess.start(List.of(),
				List.of("--runtime-monitor.interval=500ms", "--runtime-monitor.checks.threads.warning=1",
						"--runtime-monitor.checks.threads.critical=1", "--runtime-monitor.checks.threads.sustain=0s",
						"--runtime-monitor.checks.file-descriptors.warning=0.0001",
						"--runtime-monitor.checks.file-descriptors.sustain=0s"))) {
			int port = app.awaitPort(START_TIMEOUT);
			String page = "http://127.0.0.1:" + port + "/";
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> JsonMapper.builder()
					.build()
					.readTree(Http.get(port, "/runtime/history").body())
					.get("points")
					.size() >= POINTS);

			String dom = chromium.dumpDom(page, 1280, 900, SCRIPT_BUDGET);
			assertThat(dom).as(app.output()).contains("data-state=\"live\"");
			assertChartsHaveData(dom);
			assertThat(badges(dom)).containsEntry("threads", "critical")
				.containsEntry("file-descriptors", "warning")
				.containsEntry("heap", "ok")
				.containsEntry("deadlock", "ok")
				.containsEntry("metaspace", "unknown")
				.containsOnlyKeys(judgedChecks(port));

			// 500 px is the narrowest window headless Chromium lays a page out in
			String narrow = chromium.dumpDom(page, NARROW, 844, SCRIPT_BUDGET);
			assertChartsHaveData(narrow);
			assertThat(canvasWidths(narrow)).as("one column of charts that fits the window")
				.allSatisfy((width) -> assertThat(width).isBetween(NARROW * 3 / 4, NARROW - 32));

			Path target = AppProcess.packagedJar().getParent();
			assertScreenshot(chromium, page, target.resolve("dashboard.png"), 1280, 1100);
			assertScreenshot(chromium, page, target.resolve("dashboard-phone.png"), 390, 1600);
		}
	}

	private static void assertChartsHaveData(String dom) {
		List<String> figures = FIGURE.matcher(dom).results().map(MatchResult::group).toList();
		assertThat(figures).hasSize(6).allSatisfy((figure) -> {
			Matcher points = Pattern.compile("data-points=\"(\\d+)\"").matcher(figure);
			assertThat(points.find()).as(figure).isTrue();
			assertThat(Integer.parseInt(points.group(1))).as(figure).isGreaterThanOrEqualTo(POINTS);
		});
		assertThat(canvasWidths(dom)).hasSizeGreaterThanOrEqualTo(6)
			.allSatisfy((width) -> assertThat(width).isPositive());
		List<String> latest = LATEST.matcher(dom).results().map((result) -> result.group(1)).toList();
		assertThat(latest).hasSize(6);
		assertThat(latest.get(0)).matches("live \\d+");
		assertThat(latest.get(1)).matches("used [\\d.]+ [KMG]iB · committed .*");
	}

	/**
	 * Every check the service judges, as {@code /runtime} lists them: the page shows one
	 * badge for each.
	 */
	private static List<String> judgedChecks(int port) {
		List<String> names = new ArrayList<>();
		JsonMapper.builder()
			.build()
			.readTree(Http.get(port, "/runtime", "application/json").body())
			.get("checks")
			.forEach((check) -> names.add(check.get("check").asString()));
		return names;
	}

	private static Map<String, String> badges(String dom) {
		Map<String, String> levels = new HashMap<>();
		BADGE.matcher(dom).results().forEach((result) -> levels.put(result.group(1), result.group(2)));
		return levels;
	}

	private static List<Integer> canvasWidths(String dom) {
		return CANVAS_WIDTH.matcher(dom).results().map((result) -> Integer.parseInt(result.group(1))).toList();
	}

	private static void assertScreenshot(Chromium chromium, String page, Path file, int width, int height)
			throws Exception {
		chromium.screenshot(page, file, width, height, SCRIPT_BUDGET);
		byte[] png = Files.readAllBytes(file);
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
		assertThat(png.length).as("a page with charts, not a blank one").isGreaterThan(20_000);
	}

}
