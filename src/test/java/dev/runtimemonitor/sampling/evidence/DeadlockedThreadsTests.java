package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.DeadlockLocks.FIRST;
import static dev.runtimemonitor.testsupport.DeadlockLocks.MONITOR;
import static dev.runtimemonitor.testsupport.DeadlockLocks.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

class DeadlockedThreadsTests {

	@Test
	void ordersTheThreadsAlongTheCycle() {
		DeadlockedThread a = parked("a", 40, SECOND, "c", 42, FIRST);
		DeadlockedThread b = parked("b", 41, FIRST, "a", 40, MONITOR);
		DeadlockedThread c = parked("c", 42, MONITOR, "b", 41, SECOND);
		DeadlockedThreads deadlocked = DeadlockedThreads.of(3, List.of(b, c, a), 16, 32);
		assertThat(deadlocked.threads()).extracting(DeadlockedThread::name).containsExactly("a", "c", "b");
	}

	@Test
	void keepsAtMostTheGivenThreadsAndSaysHowManyThereWere() {
		List<DeadlockedThread> threads = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			threads.add(parked("t" + i, i, FIRST, "t" + ((i + 1) % 6), (i + 1) % 6, SECOND));
		}
		DeadlockedThreads deadlocked = DeadlockedThreads.of(6, threads, 4, 32);
		assertThat(deadlocked.count()).isEqualTo(6);
		assertThat(deadlocked.threads()).extracting(DeadlockedThread::name).containsExactly("t0", "t1", "t2", "t3");
		assertThat(deadlocked.left()).isEqualTo(2);
	}

	@Test
	void cutsEachStackToTheDepth() {
		List<StackFrame> frames = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			frames.add(StackFrame.at("com.example.Deep.level" + i + "(Deep.java:" + i + ")"));
		}
		DeadlockedThread deep = new DeadlockedThread("deep", 7, Thread.State.BLOCKED, false, MONITOR, "other", 8,
				frames, false, List.of(), List.of());
		DeadlockedThread cut = DeadlockedThreads.of(2, List.of(deep), 16, 32).threads().get(0);
		assertThat(cut.stack()).hasSize(32).first().isEqualTo(frames.get(0));
		assertThat(cut.stackCut()).isTrue();
		assertThat(deep.withMaxDepth(40)).isSameAs(deep);
	}

	@Test
	void noDeadlockIsNothingFound() {
		assertThat(DeadlockedThreads.NONE.found()).isFalse();
		assertThat(DeadlockedThreads.NONE.left()).isZero();
	}

	private static DeadlockedThread parked(String name, long id, LockRef waitingFor, String owner, long ownerId,
			LockRef holds) {
		return new DeadlockedThread(name, id, Thread.State.WAITING, false, waitingFor, owner, ownerId,
				List.of(StackFrame.at("java.base@25/jdk.internal.misc.Unsafe.park(Native Method)")), false, List.of(),
				List.of(holds));
	}

}
