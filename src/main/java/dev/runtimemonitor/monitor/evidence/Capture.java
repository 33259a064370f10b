package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one capture says, as people read it: the words the log and {@code /runtime} show,
 * written once, when it was taken.
 *
 * @param taken whether the evidence was taken; {@code false} when it was refused (a rate
 * limit), is not available on this JVM, or failed, and the text says why
 * @param summary one line that says the most important finding
 * @param text the evidence, at most {@link TextBound#DEFAULT_MAX_BYTES} UTF-8 bytes
 * @param pause how long the capture stopped the application, {@code null} when it stops
 * nothing worth reporting
 */
public record Capture(boolean taken, String summary, String text, @Nullable Duration pause) {

	private static final int MAX_SUMMARY = 300;

	public Capture {
		summary = (summary.length() > MAX_SUMMARY) ? summary.substring(0, MAX_SUMMARY - 3) + "..." : summary;
		text = TextBound.DEFAULT.apply(text);
	}

	/**
	 * Evidence taken.
	 * @param summary the most important finding
	 * @param text the evidence
	 * @return the capture
	 */
	public static Capture taken(String summary, String text) {
		return new Capture(true, summary, text, null);
	}

	/**
	 * Evidence not taken.
	 * @param reason why, in a sentence
	 * @return the capture
	 */
	public static Capture notTaken(String reason) {
		return new Capture(false, reason, reason + "\n", null);
	}

}
