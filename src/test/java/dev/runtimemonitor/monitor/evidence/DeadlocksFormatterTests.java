package dev.runtimemonitor.monitor.evidence;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.runtimemonitor.sampling.evidence.DeadlockedThread;
import dev.runtimemonitor.sampling.evidence.DeadlockedThreads;
import dev.runtimemonitor.sampling.evidence.DeadlockedThreadsSource;
import dev.runtimemonitor.sampling.evidence.LockRef;
import dev.runtimemonitor.sampling.evidence.StackFrame;
import dev.runtimemonitor.service.demo.Deadlock;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.DeadlockLocks.FIRST;
import static dev.runtimemonitor.testsupport.DeadlockLocks.MONITOR;
import static dev.runtimemonitor.testsupport.DeadlockLocks.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlocksFormatterTests {

	@Test
	void writesTheDeadlockAsJstackDoes() {
		DeadlockedThread one = new DeadlockedThread("demo-deadlock-1", 31, Thread.State.WAITING, true, FIRST,
				"demo-deadlock-2", 32,
				List.of(StackFrame.at("java.base@25/jdk.internal.misc.Unsafe.park(Native Method)"),
						StackFrame.at("com.example.Locks.lockInOrder(Locks.java:12)")),
				true, List.of(), List.of(SECOND));
		DeadlockedThread two = new DeadlockedThread("demo-deadlock-2", 32, Thread.State.BLOCKED, false, MONITOR,
				"demo-deadlock-1", 31,
				List.of(StackFrame.at("com.example.Monitors.inner(Monitors.java:20)"),
						new StackFrame("com.example.Monitors.outer(Monitors.java:10)", List.of(FIRST))),
				false, List.of(FIRST), List.of());
		assertThat(DeadlocksFormatter.format(DeadlockedThreads.of(2, List.of(two, one), 16, 32)).text()).isEqualTo(
				"""
						Found one Java-level deadlock: 2 threads
						=============================
						"demo-deadlock-1" #31:
						  waiting for ownable synchronizer <java.util.concurrent.locks.ReentrantLock$NonfairSync@5e9f23b4>,
						  which is held by "demo-deadlock-2" #32
						"demo-deadlock-2" #32:
						  waiting to lock monitor <java.lang.Object@1b6d3586>,
						  which is held by "demo-deadlock-1" #31

						Java stack information for the threads listed above:
						===================================================
						"demo-deadlock-1" #31 daemon WAITING
						\tat java.base@25/jdk.internal.misc.Unsafe.park(Native Method)
						\t- parking to wait for <java.util.concurrent.locks.ReentrantLock$NonfairSync@5e9f23b4> (held by "demo-deadlock-2" #32)
						\tat com.example.Locks.lockInOrder(Locks.java:12)
						\t... (stack cut at 2 frames)

						\tLocked ownable synchronizers:
						\t- <java.util.concurrent.locks.ReentrantLock$NonfairSync@4783da3f>

						"demo-deadlock-2" #32 BLOCKED
						\tat com.example.Monitors.inner(Monitors.java:20)
						\t- waiting to lock <java.lang.Object@1b6d3586> (held by "demo-deadlock-1" #31)
						\tat com.example.Monitors.outer(Monitors.java:10)
						\t- locked <java.util.concurrent.locks.ReentrantLock$NonfairSync@5e9f23b4>

						\tLocked monitors:
						\t- <java.util.concurrent.locks.ReentrantLock$NonfairSync@5e9f23b4>

						""");
	}

	@Test
	void theSummaryNamesWhoWaitsForWhom() {
		DeadlockedThreads deadlocked = DeadlockedThreads.of(2,
				List.of(parked("demo-deadlock-1", 31, SECOND, "demo-deadlock-2", 32),
						parked("demo-deadlock-2", 32, FIRST, "demo-deadlock-1", 31)),
				16, 32);
		assertThat(DeadlocksFormatter.format(deadlocked).summary())
			.isEqualTo("2 deadlocked threads: \"demo-deadlock-1\" waits for \"demo-deadlock-2\"; "
					+ "\"demo-deadlock-2\" waits for \"demo-deadlock-1\"");
	}

	@Test
	void saysHowManyDeadlockedThreadsWereLeftOut() {
		List<DeadlockedThread> threads = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			threads.add(parked("t" + i, i, FIRST, "t" + ((i + 1) % 6), (i + 1) % 6));
		}
		Capture capture = DeadlocksFormatter.format(DeadlockedThreads.of(6, threads, 4, 32));
		assertThat(capture.text()).contains("... and 2 more deadlocked threads, not captured");
		assertThat(capture.summary()).startsWith("6 deadlocked threads: \"t0\" waits for \"t1\"; ")
			.endsWith("\"t3\" waits for \"t4\"");
	}

	@Test
	void noDeadlockSaysSo() {
		Capture capture = DeadlocksFormatter.format(DeadlockedThreads.NONE);
		assertThat(capture.taken()).isTrue();
		assertThat(capture.summary()).isEqualTo("no deadlocked threads found at the capture");
		assertThat(capture.text()).isEqualTo("No Java-level deadlock found.\n");
	}

	@Test
	void writesALockDeadlockOfThisJvmWithEachThreadHeldByTheOther() throws InterruptedException {
		DeadlockedThreadsSource source = new DeadlockedThreadsSource(ManagementFactory.getThreadMXBean());
		try (Deadlock deadlock = new Deadlock()) {
			deadlock.start();
			AtomicReference<DeadlockedThreads> deadlocked = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				deadlocked.set(source.read());
				return deadlocked.get().count() >= 2;
			});
			DeadlockedThread one = deadlocked.get().threads().get(0);
			DeadlockedThread two = deadlocked.get().threads().get(1);
			assertThat(DeadlocksFormatter.format(deadlocked.get()).text())
				.startsWith("Found one Java-level deadlock: 2 threads\n")
				.contains("which is held by \"" + two.name() + "\" #" + two.id())
				.contains("- parking to wait for <" + one.waitingFor() + ">");
		}
	}

	@Test
	void writesAMonitorDeadlockWithTheFramesThatHoldTheMonitors() throws Exception {
		// A monitor deadlock cannot be broken, so it runs in a JVM of its own. Its output
		// goes to a file, so that a JVM that hangs meets the timeout below instead of
		// blocking a read of its output forever.
		Path log = Files.createTempFile("monitor-deadlock", ".log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), MonitorDeadlock.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean ended = process.waitFor(30, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.delete(log);
		assertThat(ended).as("the deadlocked JVM ended within 30 s: %s", output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Found one Java-level deadlock: 2 threads")
			.contains("\"monitor-deadlock-1\" #")
			.contains("\"monitor-deadlock-2\" #")
			.contains("  waiting to lock monitor <java.lang.Object@")
			.contains("\"monitor-deadlock-2\" #", "BLOCKED")
			.containsPattern("\tat (app//)?dev\\.runtimemonitor\\.monitor\\.evidence\\.MonitorDeadlock\\.lambda\\$.*\n"
					+ "\t- waiting to lock <java\\.lang\\.Object@\\p{XDigit}+> \\(held by \"monitor-deadlock-\\d\" #\\d+\\)\n"
					+ "\t- locked <java\\.lang\\.Object@\\p{XDigit}+>\n")
			.contains("Locked monitors:");
	}

	private static DeadlockedThread parked(String name, long id, LockRef waitingFor, String owner, long ownerId) {
		return new DeadlockedThread(name, id, Thread.State.WAITING, false, waitingFor, owner, ownerId,
				List.of(StackFrame.at("java.base@25/jdk.internal.misc.Unsafe.park(Native Method)")), false, List.of(),
				List.of());
	}

}
