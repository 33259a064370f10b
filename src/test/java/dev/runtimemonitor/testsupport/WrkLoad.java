package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wrk loading one URL in the background until the test says stop, so that the load lasts
 * as long as the scenario it runs under, however slow the machine. wrk stops on
 * {@code SIGINT} and still prints its summary; it stops on its own only at its cap, and
 * {@link #stop()} then fails: the load did not cover the scenario.
 */
public final class WrkLoad implements AutoCloseable {

	private final Process process;

	private final Path output;

	private final Duration cap;

	private WrkLoad(Process process, Path output, Duration cap) {
		this.process = process;
		this.output = output;
		this.cap = cap;
	}

	/**
	 * Start loading a URL.
	 * @param port the service's port on 127.0.0.1
	 * @param path the path
	 * @param connections concurrent connections
	 * @param cap the longest the load may run, a bound that only a stuck test reaches
	 * @return the running load
	 * @throws IOException when wrk cannot be started
	 */
	public static WrkLoad start(int port, String path, int connections, Duration cap) throws IOException {
		ExternalTool wrk = ExternalTool.require("wrk", "apt-get install wrk");
		Path script = Files.createTempFile("wrk-statuses", ".lua");
		try (InputStream lua = WrkLoad.class.getResourceAsStream("/wrk/statuses.lua")) {
			Files.write(script, lua.readAllBytes());
		}
		Path output = Files.createTempFile("wrk-output", ".txt");
		Process process = new ProcessBuilder(wrk.executable().toString(), "-t2", "-c" + connections,
				"-d" + cap.toSeconds() + "s", "--timeout", "5s", "-s", script.toString(),
				"http://127.0.0.1:" + port + path)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new WrkLoad(process, output, cap);
	}

	/**
	 * Stop the load and read what wrk measured.
	 * @return the summary
	 * @throws IllegalStateException when wrk had already stopped: it reached its cap or
	 * failed, so the load did not last until now
	 */
	public Wrk.Result stop() throws IOException, InterruptedException {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("wrk ended before it was stopped (its cap is " + this.cap + "), exit "
					+ this.process.exitValue() + ": " + Files.readString(this.output, StandardCharsets.UTF_8));
		}
		Process interrupt = new ProcessBuilder(List.of("kill", "-INT", Long.toString(this.process.pid()))).start();
		if (!interrupt.waitFor(10, TimeUnit.SECONDS) || interrupt.exitValue() != 0) {
			throw new IllegalStateException("Could not send SIGINT to wrk " + this.process.pid());
		}
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("wrk did not stop within 30 s of SIGINT");
		}
		String summary = Files.readString(this.output, StandardCharsets.UTF_8);
		if (this.process.exitValue() != 0) {
			throw new IllegalStateException("wrk failed: " + summary);
		}
		return Wrk.Result.parse(summary);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
