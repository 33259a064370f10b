package dev.runtimemonitor.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The output of a started process (standard error included, when the process merges it),
 * read on a thread of its own and kept whole: for lines a test awaits, and for its
 * failure messages.
 */
final class WatchedOutput {

	private final StringBuffer output = new StringBuffer();

	private final CountDownLatch ended = new CountDownLatch(1);

	WatchedOutput(Process process, String name) {
		Thread reader = new Thread(() -> read(process), name + "-output");
		reader.setDaemon(true);
		reader.start();
	}

	private void read(Process process) {
		try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
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
	String awaitLine(Pattern pattern, Duration timeout) {
		String[] found = new String[1];
		try {
			await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> matched(pattern, found));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No " + pattern + " within " + timeout + " in:\n" + this);
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
			throw new AssertionError("The output ended without " + pattern + ":\n" + this);
		}
		return false;
	}

	/**
	 * The whole output, once the process has closed it.
	 * @param timeout how long to wait for that
	 * @return the output
	 * @throws InterruptedException when interrupted while waiting
	 */
	String whole(Duration timeout) throws InterruptedException {
		if (!this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("The output did not end within " + timeout + ":\n" + this);
		}
		return this.output.toString();
	}

	@Override
	public String toString() {
		return this.output.toString();
	}

}
