package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.runtimemonitor.service.demo.Deadlock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadlockEvidenceSourceTests {

	private final DeadlockEvidenceSource source = new DeadlockEvidenceSource(ManagementFactory.getThreadMXBean());

	@Test
	void findsNothingInAHealthyJvm() {
		assertThat(this.source.capture()).isSameAs(DeadlockEvidence.NONE);
	}

	@Test
	void capturesBothThreadsOfALockDeadlockWithTheirStacksAndEachOtherAsOwner() throws InterruptedException {
		try (Deadlock deadlock = new Deadlock()) {
			deadlock.start();
			DeadlockEvidence evidence = awaitDeadlock(2);
			assertThat(evidence.threads()).extracting(DeadlockedThread::name)
				.containsExactlyInAnyOrder("demo-deadlock-1", "demo-deadlock-2");
			DeadlockedThread one = evidence.threads().get(0);
			DeadlockedThread two = evidence.threads().get(1);
			assertThat(one.lockOwnerName()).isEqualTo(two.name());
			assertThat(one.lockOwnerId()).isEqualTo(two.id());
			assertThat(two.lockOwnerName()).isEqualTo(one.name());
			assertThat(two.lockOwnerId()).isEqualTo(one.id());
			for (DeadlockedThread thread : evidence.threads()) {
				assertThat(thread.state()).isEqualTo(Thread.State.WAITING);
				assertThat(thread.waitingFor()).isNotNull();
				assertThat(thread.waitingFor().className()).endsWith("ReentrantLock$NonfairSync");
				assertThat(thread.lockedSynchronizers()).hasSize(1);
				assertThat(thread.stack()).isNotEmpty().hasSizeLessThanOrEqualTo(32);
				assertThat(thread.stack().get(0).location()).contains("Unsafe.park");
				assertThat(thread.stack()).anySatisfy((frame) -> assertThat(frame.location())
					.contains("dev.runtimemonitor.service.demo.Deadlock.lambda$lockInOrder"));
			}
			assertThat(one.waitingFor()).isEqualTo(two.lockedSynchronizers().get(0));
			assertThat(two.waitingFor()).isEqualTo(one.lockedSynchronizers().get(0));
			assertThat(evidence.text()).contains("Found one Java-level deadlock: 2 threads")
				.contains("which is held by \"" + two.name() + "\" #" + two.id())
				.contains("- parking to wait for <" + one.waitingFor() + ">");
		}
	}

	@Test
	void capturesAMonitorDeadlockWithTheFramesThatHoldTheMonitors() throws Exception {
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
			.containsPattern("\tat (app//)?dev\\.runtimemonitor\\.sampling\\.evidence\\.MonitorDeadlock\\.lambda\\$.*\n"
					+ "\t- waiting to lock <java\\.lang\\.Object@\\p{XDigit}+> \\(held by \"monitor-deadlock-\\d\" #\\d+\\)\n"
					+ "\t- locked <java\\.lang\\.Object@\\p{XDigit}+>\n")
			.contains("Locked monitors:");
	}

	private DeadlockEvidence awaitDeadlock(int threads) {
		AtomicReference<DeadlockEvidence> evidence = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			evidence.set(this.source.capture());
			return evidence.get().deadlockedThreads() >= threads;
		});
		return evidence.get();
	}

}
