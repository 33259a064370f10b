package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, {@code promtool} ({@code apt-get install prometheus}). Skips
 * the test (fails it in CI) when it is not installed.
 */
public final class Promtool {

	private final Path binary;

	private Promtool(Path binary) {
		this.binary = binary;
	}

	/**
	 * The installed promtool.
	 * @return the tool
	 */
	public static Promtool require() {
		return new Promtool(ExternalTool.require("promtool", Prometheus.INSTALL).executable());
	}

	/**
	 * Lint an exposition in the Prometheus text format, as {@code promtool check metrics}
	 * does.
	 * @param exposition the text a scrape returned
	 * @return what promtool said and how it exited
	 * @throws IOException when it cannot be run
	 * @throws InterruptedException when interrupted
	 */
	public Result checkMetrics(String exposition) throws IOException, InterruptedException {
		return run(exposition, "check", "metrics");
	}

	/**
	 * Run promtool.
	 * @param input what to write to its standard input, or {@code null}
	 * @param arguments its arguments, such as {@code check rules alerts.yml}
	 * @return what it said and how it exited
	 * @throws IOException when it cannot be run
	 * @throws InterruptedException when interrupted
	 */
	public Result run(String input, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.binary.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream stdin = process.getOutputStream()) {
			if (input != null) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("promtool " + String.join(" ", arguments) + " did not finish");
		}
		return new Result(process.exitValue(), output);
	}

	/**
	 * What promtool said.
	 *
	 * @param exitCode its exit code
	 * @param output its standard output and error, one finding a line
	 */
	public record Result(int exitCode, String output) {

		/**
		 * The lines of the output.
		 * @return the non-blank lines
		 */
		public List<String> lines() {
			return output().lines().filter((line) -> !line.isBlank()).toList();
		}

	}

}
