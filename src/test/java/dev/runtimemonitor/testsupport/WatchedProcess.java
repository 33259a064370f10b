package dev.runtimemonitor.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A started process whose output (standard error included, when the process merges it) is
 * read on a thread of its own and kept whole: for lines a test awaits, and for its
 * failure messages. Closing it stops the process.
 */
public class WatchedProcess implements AutoCloseable {

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final CountDownLatch ended = new CountDownLatch(1);

	/**
	 * Watch a process started elsewhere.
	 * @param process the process
	 * @param name what its reading thread is named after
	 */
	public WatchedProcess(Process process, String name) {
		this.process = process;
		Thread reader = new Thread(this::read, name + "-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start a command, standard error merged into standard output, and watch it.
	 * @param command the command and its arguments
	 * @param name what its reading thread is named after
	 * @return the watched process
	 * @throws IOException when the process cannot be started
	 */
	public static WatchedProcess start(List<String> command, String name) throws IOException {
		return new WatchedProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), name);
	}

	private void read() {
		try (BufferedReader lines = this.process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.append(line).append('\n');
			}
		}
		catch (IOException ex) {
			this.output.append("[output closed: ").append(ex.getMessage()).append("]\n");
		}
		finally {
			this.ended.countDown();
		}
	}

	/**
	 * Wait for a line that matches.
	 * @param pattern what to find, with one group
	 * @param timeout how long to wait
	 * @return the group of the first match
	 * @throws AssertionError when the output ends without a match, or none comes in time
	 */
	public String awaitLine(Pattern pattern, Duration timeout) {
		String[] found = new String[1];
		try {
			await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> matched(pattern, found));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No " + pattern + " within " + timeout + " in:\n" + this.output);
		}
		return found[0];
	}

	private boolean matched(Pattern pattern, String[] found) {
		// Read before the match: a line appended while matching is then seen next time.
		boolean over = this.ended.getCount() == 0;
		Matcher matcher = pattern.matcher(this.output);
		if (matcher.find()) {
			found[0] = matcher.group(1);
			return true;
		}
		if (over) {
			throw new AssertionError("The output ended without " + pattern + ":\n" + this.output);
		}
		return false;
	}

	/**
	 * Wait for the process to exit on its own, and for its output to end.
	 * @param timeout how long to wait for each
	 * @return its exit code
	 * @throws InterruptedException when interrupted
	 * @throws AssertionError when it does not exit, or its output does not end, in time
	 */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("The process did not exit within " + timeout + ":\n" + this.output);
		}
		if (!this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("The output did not end within " + timeout + ":\n" + this.output);
		}
		return this.process.exitValue();
	}

	public Process process() {
		return this.process;
	}

	/**
	 * Send SIGTERM, as Kubernetes and container engines do, keeping the output readable
	 * ({@link Process#destroy()} would close it).
	 */
	public void terminate() {
		this.process.toHandle().destroy();
	}

	/**
	 * The output so far; all of it once {@link #awaitExit(Duration)} returned.
	 * @return the output
	 */
	public String output() {
		return this.output.toString();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
