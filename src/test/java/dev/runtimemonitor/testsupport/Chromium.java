package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, run once per page load: it loads a page, lets its scripts run for a
 * budget of virtual time (fetches included), then prints the DOM or writes a screenshot.
 * Each run gets a fresh profile, is killed with its child processes if it overruns, and
 * leaves nothing behind.
 */
public final class Chromium {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final Path executable;

	private Chromium(Path executable) {
		this.executable = executable;
	}

	/**
	 * Chromium from the {@code PATH}; the test is skipped (failed in CI) without it.
	 * @return the browser
	 */
	public static Chromium require() {
		return new Chromium(ExternalTool.require("chromium", "apt-get install chromium").executable());
	}

	/**
	 * The DOM of a page once its scripts have run.
	 * @param url the page
	 * @param width the window's width in CSS pixels
	 * @param height the window's height
	 * @param budget virtual time the page's scripts get
	 * @return the serialized DOM
	 * @throws IOException when Chromium cannot be run
	 * @throws InterruptedException when interrupted
	 */
	public String dumpDom(String url, int width, int height, Duration budget) throws IOException, InterruptedException {
		Path dom = Files.createTempFile("dom", ".html");
		try {
			run(List.of("--dump-dom", "--window-size=" + width + "," + height,
					"--virtual-time-budget=" + budget.toMillis(), url), dom);
			return Files.readString(dom, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(dom);
		}
	}

	/**
	 * A screenshot of a page once its scripts have run.
	 * @param url the page
	 * @param file the PNG to write
	 * @param width the window's width in CSS pixels
	 * @param height the window's height
	 * @param budget virtual time the page's scripts get
	 * @throws IOException when Chromium cannot be run or writes no screenshot
	 * @throws InterruptedException when interrupted
	 */
	public void screenshot(String url, Path file, int width, int height, Duration budget)
			throws IOException, InterruptedException {
		Files.deleteIfExists(file);
		run(List.of("--screenshot=" + file.toAbsolutePath(), "--hide-scrollbars",
				"--window-size=" + width + "," + height, "--virtual-time-budget=" + budget.toMillis(), url), null);
		if (!Files.isRegularFile(file)) {
			throw new IOException("Chromium wrote no screenshot to " + file);
		}
	}

	private void run(List<String> arguments, Path stdout) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("chromium-profile");
		Path stderr = Files.createTempFile("chromium", ".log");
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
		builder.redirectOutput(
				(stdout != null) ? ProcessBuilder.Redirect.to(stdout.toFile()) : ProcessBuilder.Redirect.DISCARD);
		Process process = builder.start();
		try {
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IOException("Chromium did not finish within " + TIMEOUT + ": " + tail(stderr));
			}
			if (process.exitValue() != 0) {
				throw new IOException("Chromium exited with " + process.exitValue() + ": " + tail(stderr));
			}
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			delete(profile);
			Files.deleteIfExists(stderr);
		}
	}

	private static String tail(Path log) throws IOException {
		String text = Files.readString(log, StandardCharsets.UTF_8);
		return (text.length() > 2000) ? text.substring(text.length() - 2000) : text;
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
