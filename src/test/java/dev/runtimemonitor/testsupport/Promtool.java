package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Prometheus's own checker, {@code promtool} ({@code apt-get install prometheus}). Skips
 * the test (fails it in CI) when it is not installed.
 */
public final class Promtool {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final ExternalTool tool;

	private Promtool(ExternalTool tool) {
		this.tool = tool;
	}

	/**
	 * The installed promtool.
	 * @return the tool
	 */
	public static Promtool require() {
		return new Promtool(ExternalTool.require("promtool", Prometheus.INSTALL));
	}

	/**
	 * Lint an exposition in the Prometheus text format, as {@code promtool check metrics}
	 * does.
	 * @param exposition the text a scrape returned
	 * @return what promtool said and how it exited
	 * @throws IOException when it cannot be run
	 * @throws InterruptedException when interrupted
	 */
	public ExternalTool.Result checkMetrics(String exposition) throws IOException, InterruptedException {
		return this.tool.runWithInput(exposition, Path.of("."), TIMEOUT, "check", "metrics");
	}

}
