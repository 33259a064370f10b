package dev.runtimemonitor.monitor.evidence;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.evidence.DeadlockEvidence;
import dev.runtimemonitor.sampling.evidence.DeadlockedThread;
import dev.runtimemonitor.sampling.evidence.GcPauseEvidence;
import dev.runtimemonitor.sampling.evidence.LockRef;
import dev.runtimemonitor.sampling.evidence.NativeMemoryTrackingOff;
import dev.runtimemonitor.sampling.evidence.StackFrame;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroupsSource;
import dev.runtimemonitor.sampling.gc.GcPause;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each capture says first, in the one line that heads its log event and its entry in
 * /runtime.
 */
class EvidenceCapturesTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void theDeadlockSummaryNamesWhoWaitsForWhom() {
		LockRef first = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync", 1);
		LockRef second = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync", 2);
		DeadlockEvidence evidence = DeadlockEvidence.of(2,
				List.of(thread("demo-deadlock-1", 31, second, "demo-deadlock-2", 32),
						thread("demo-deadlock-2", 32, first, "demo-deadlock-1", 31)),
				16, 32);
		assertThat(EvidenceCaptures.deadlockSummary(evidence))
			.isEqualTo("2 deadlocked threads: \"demo-deadlock-1\" waits for \"demo-deadlock-2\"; "
					+ "\"demo-deadlock-2\" waits for \"demo-deadlock-1\"");
	}

	@Test
	void theGcSummaryNamesTheLongestPauseAndTheCauseWithTheMostPauseTime() {
		GcPauseEvidence evidence = new GcPauseEvidence(Duration.ofMinutes(5),
				List.of(new GcPause(41, "G1Full", "full", "System.gc()", 812_300_000, T0),
						new GcPause(40, "G1New", "young", "G1 Evacuation Pause", 12_000_000, T0)),
				List.of(new GcPauseCause("System.gc()", 3, 1_200_000_000, 812_300_000, false),
						new GcPauseCause("G1 Evacuation Pause", 129, 300_000_000, 12_000_000, false)));
		assertThat(EvidenceCaptures.gcSummary(evidence))
			.isEqualTo("longest pause 812 ms (G1Full full, System.gc()); most pause time: System.gc(), 1.2 s of "
					+ "1.5 s in 132 pauses");
		assertThat(evidence.text()).contains("   812.300 ms  GC(41)  G1Full full, System.gc(), ended " + T0,
				"  1,200.000 ms   80.0%       3 pauses, longest    812.300 ms  System.gc()");
	}

	@Test
	void withoutNativeMemoryTrackingTheSummarySaysHowToTurnItOn() {
		assertThat(EvidenceCaptures.nativeMemorySummary(NativeMemoryTrackingOff.ADVICE))
			.contains("-XX:NativeMemoryTracking=summary");
	}

	@Test
	void aKindWhoseSourceThisJvmLacksSaysSo() {
		Capture capture = EvidenceCaptures.classHistogram(null).capture();
		assertThat(capture.taken()).isFalse();
		assertThat(capture.text()).contains("diagnostic-command bean");
	}

	@Test
	void theThreadGroupsNameThePoolThatGrewSinceTheChecksWereOk() throws InterruptedException {
		MockClock clock = new MockClock();
		ThreadGroupsCapture capture = new ThreadGroupsCapture(
				new ThreadNameGroupsSource(ManagementFactory.getThreadMXBean()), clock);
		Capture withoutEarlier = capture.capture();
		assertThat(withoutEarlier.text()).contains("No earlier grouping to compare with");
		capture.checksOk();
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> leaked = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			leaked.add(Thread.ofPlatform().name("evidence-leak-" + i).daemon(true).start(() -> {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		}
		try {
			Capture capture40 = capture.capture();
			assertThat(capture40.summary()).contains("grew most evidence-leak-* (+40 since the checks were ok)");
			assertThat(capture40.text()).contains("         40  evidence-leak-*\n",
					"        +40  evidence-leak-*  (0 then, 40 now)", "when the thread checks were last ok.");
		}
		finally {
			release.countDown();
			for (Thread thread : leaked) {
				thread.join(5000);
			}
		}
	}

	private static DeadlockedThread thread(String name, long id, LockRef waitingFor, String owner, long ownerId) {
		return new DeadlockedThread(name, id, Thread.State.WAITING, true, waitingFor, owner, ownerId,
				List.of(StackFrame.at("java.base/jdk.internal.misc.Unsafe.park(Native Method)")), false, List.of(),
				List.of());
	}

}
