package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlockEvidenceTests {

	private static final LockRef FIRST = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync",
			0x5e9f23b4);

	private static final LockRef SECOND = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync",
			0x4783da3f);

	private static final LockRef MONITOR = new LockRef("java.lang.Object", 0x1b6d3586);

	@Test
	void ordersTheThreadsAlongTheCycle() {
		DeadlockedThread a = parked("a", 40, SECOND, "c", 42, FIRST);
		DeadlockedThread b = parked("b", 41, FIRST, "a", 40, MONITOR);
		DeadlockedThread c = parked("c", 42, MONITOR, "b", 41, SECOND);
		DeadlockEvidence evidence = DeadlockEvidence.of(3, List.of(b, c, a), 16, 32);
		assertThat(evidence.threads()).extracting(DeadlockedThread::name).containsExactly("a", "c", "b");
	}

	@Test
	void keepsAtMostTheGivenThreadsAndSaysHowManyThereWere() {
		List<DeadlockedThread> threads = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			threads.add(parked("t" + i, i, FIRST, "t" + ((i + 1) % 6), (i + 1) % 6, SECOND));
		}
		DeadlockEvidence evidence = DeadlockEvidence.of(6, threads, 4, 32);
		assertThat(evidence.deadlockedThreads()).isEqualTo(6);
		assertThat(evidence.threads()).extracting(DeadlockedThread::name).containsExactly("t0", "t1", "t2", "t3");
		assertThat(evidence.text()).contains("... and 2 more deadlocked threads, not captured");
	}

	@Test
	void cutsEachStackToTheDepth() {
		List<StackFrame> frames = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			frames.add(StackFrame.at("com.example.Deep.level" + i + "(Deep.java:" + i + ")"));
		}
		DeadlockedThread deep = new DeadlockedThread("deep", 7, Thread.State.BLOCKED, false, MONITOR, "other", 8,
				frames, false, List.of(), List.of());
		DeadlockedThread cut = DeadlockEvidence.of(2, List.of(deep), 16, 32).threads().get(0);
		assertThat(cut.stack()).hasSize(32).first().isEqualTo(frames.get(0));
		assertThat(cut.stackCut()).isTrue();
		assertThat(deep.withMaxDepth(40)).isSameAs(deep);
	}

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
		assertThat(DeadlockEvidence.of(2, List.of(two, one), 16, 32).text()).isEqualTo(
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
	void noDeadlockSaysSo() {
		assertThat(DeadlockEvidence.NONE.found()).isFalse();
		assertThat(DeadlockEvidence.NONE.text()).isEqualTo("No Java-level deadlock found.\n");
	}

	private static DeadlockedThread parked(String name, long id, LockRef waitingFor, String owner, long ownerId,
			LockRef holds) {
		return new DeadlockedThread(name, id, Thread.State.WAITING, false, waitingFor, owner, ownerId,
				List.of(StackFrame.at("java.base@25/jdk.internal.misc.Unsafe.park(Native Method)")), false, List.of(),
				List.of(holds));
	}

}
