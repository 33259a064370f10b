package dev.runtimemonitor.testsupport;

import java.io.IOException;
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

	WrkLoad(Process process, Path output, Duration cap) {
		this.process = process;
		this.output = output;
		this.cap = cap;
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
