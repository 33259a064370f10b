package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import dev.runtimemonitor.testsupport.Http;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The agent's config file for a host's own load to move the {@code threads} check:
 * critical (and warning) at {@value #CRITICAL} live threads, with no sustain, sampled
 * every 500 ms over a window of two samples, the shortest the settings allow. The check
 * rises on the first sample the load is in and falls on the first it is gone. Idle, the
 * hosts here run 10 to 30 threads, the agent's own included; the load adds
 * {@value #LOAD}.
 */
final class ThreadsCheckSettings {

	/** The live threads at which the check is critical. */
	static final int CRITICAL = 100;

	/** How many threads of its own a host's load holds. */
	static final int LOAD = 150;

	/** How long a change of level may take to show: a few samples, on a busy machine. */
	private static final Duration LEVEL_TIMEOUT = Duration.ofSeconds(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	private ThreadsCheckSettings() {
	}

	/**
	 * Write the config file.
	 * @param directory where
	 * @return the file, for the agent's argument
	 * @throws IOException when it cannot be written
	 */
	static Path write(Path directory) throws IOException {
		return Files.writeString(directory.resolve("agent.properties"), """
				runtime-monitor.interval=500ms
				runtime-monitor.window=1s
				runtime-monitor.checks.threads.warning=%d
				runtime-monitor.checks.threads.critical=%d
				runtime-monitor.checks.threads.sustain=0s
				""".formatted(CRITICAL, CRITICAL));
	}

	/**
	 * Wait until the agent's {@code /health} shows the {@code threads} check at a level.
	 * @param agentPort the agent's port
	 * @param level {@code ok} or {@code critical}
	 * @param context what to show when it does not come, such as the host's output
	 */
	static void awaitLevel(int agentPort, String level, Supplier<String> context) {
		String[] last = new String[1];
		try {
			await().atMost(LEVEL_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
				last[0] = Http.get(agentPort, "/health").body();
				return json.readTree(last[0])
					.at("/components/runtime/details/checks/threads/level")
					.asString()
					.equals(level);
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The threads check was not " + level + " within " + LEVEL_TIMEOUT
					+ "; the last /health: " + last[0] + "\n" + context.get());
		}
	}

}
