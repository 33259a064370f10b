package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.WatchedProcess;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * GC pauses of a JVM with the agent, counted twice: by the agent (its
 * {@code runtime_gc_pause_seconds_count}, summed over every collector and kind) and by
 * the JVM's own log, {@code -Xlog:gc}. The JVMs run G1, which logs each pause as one line
 * {@code GC(n) Pause ... 1.234ms}, young, full, remark and cleanup alike, and a
 * concurrent cycle's lines without {@code Pause}. The agent counts the pauses that come
 * after its recording starts; a young generation larger than what the host and the agent
 * allocate while starting keeps every collection after that, so the two counts must be
 * equal.
 */
final class GcPauseCount {

	private static final Pattern LOGGED_PAUSE = Pattern.compile("\\[gc\\] GC\\(\\d+\\) Pause .* \\d+\\.\\d+ms$");

	private static final Pattern COUNTED_PAUSES = Pattern.compile("^runtime_gc_pause_seconds_count\\{[^}]*\\} (\\S+)$",
			Pattern.MULTILINE);

	/** How long both counts may take to agree: a pause is counted at the next sample. */
	private static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(20);

	private GcPauseCount() {
	}

	/**
	 * The JVM options for the two counts to be compared: G1, its log, and a fixed heap of
	 * which the young generation is half, more than the host and the agent allocate while
	 * starting.
	 * @param log the GC log's file
	 * @param heapMegabytes the heap's size
	 * @return the options
	 */
	static List<String> jvmOptions(Path log, int heapMegabytes) {
		return List.of("-XX:+UseG1GC", "-Xms" + heapMegabytes + "m", "-Xmx" + heapMegabytes + "m",
				"-Xmn" + (heapMegabytes / 2) + "m", "-Xlog:gc:file=" + log);
	}

	/**
	 * Make the JVM collect, as an operator would, with the {@code jcmd} of its own JDK:
	 * one {@code jcmd} for all the collections, its commands read from a file.
	 * @param jdk the JDK the JVM runs on
	 * @param pid the JVM's process
	 * @param times how many full collections
	 * @throws IOException when jcmd cannot be started
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	static void collect(Path jdk, long pid, int times) throws IOException, InterruptedException {
		Path commands = Files.createTempFile("gc-run", ".jcmd");
		try {
			Files.write(commands, Collections.nCopies(times, "GC.run"));
			List<String> command = List.of(jdk.resolve("bin/jcmd").toString(), String.valueOf(pid), "-f",
					commands.toString());
			try (WatchedProcess jcmd = WatchedProcess.start(command, "jcmd")) {
				if (jcmd.awaitExit(Duration.ofSeconds(30)) != 0) {
					throw new AssertionError("jcmd " + pid + " -f " + commands + " (GC.run " + times
							+ " times) failed:\n" + jcmd.output());
				}
			}
		}
		finally {
			Files.delete(commands);
		}
	}

	/**
	 * Wait until the agent has counted as many pauses as the log shows, and the log at
	 * least so many.
	 * @param agentPort the agent's port
	 * @param log the GC log
	 * @param atLeast the fewest pause lines the log must show
	 * @param context what to show when they do not agree, such as the host's output
	 * @return the count both agree on
	 */
	static long awaitAgreement(int agentPort, Path log, long atLeast, Supplier<String> context) {
		long[] counts = new long[2];
		try {
			await().atMost(AGREEMENT_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
				counts[0] = logged(log);
				counts[1] = counted(agentPort);
				return counts[0] >= atLeast && counts[0] == counts[1];
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(
					("The agent counted %d pauses, the GC log shows %d (at least %d expected) after %s;"
							+ " the log:%n%s%n%s")
						.formatted(counts[1], counts[0], atLeast, AGREEMENT_TIMEOUT, read(log), context.get()));
		}
		return counts[0];
	}

	/**
	 * The pause lines of a G1 log.
	 * @param log the log
	 * @return how many
	 */
	static long logged(Path log) {
		return read(log).lines().filter((line) -> LOGGED_PAUSE.matcher(line).find()).count();
	}

	/**
	 * The pauses the agent counted, every collector and kind.
	 * @param agentPort the agent's port
	 * @return how many
	 */
	static long counted(int agentPort) {
		return COUNTED_PAUSES.matcher(Http.get(agentPort, "/metrics").body())
			.results()
			.mapToLong((result) -> (long) Double.parseDouble(result.group(1)))
			.sum();
	}

	private static String read(Path log) {
		try {
			return Files.isRegularFile(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
