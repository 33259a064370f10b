package dev.runtimemonitor.service.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ThreadLeakTests {

	private final ThreadLeak leak = new ThreadLeak();

	@AfterEach
	void release() {
		this.leak.close();
	}

	@Test
	void leakedThreadsStayAliveUntilReleased() {
		assertThat(this.leak.start(5)).isEqualTo(5);
		assertThat(this.leak.start(2)).isEqualTo(7);
		assertThat(leakedThreads()).hasSize(7).allSatisfy((thread) -> assertThat(thread.isAlive()).isTrue());
		// The thread bean, which the threads check reads, sees each of them live: asked
		// by id, not by the JVM's total, as other tests' threads may end meanwhile.
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] ids = leakedThreads().stream().mapToLong(Thread::threadId).toArray();
		assertThat(threads.getThreadInfo(ids)).hasSize(7).doesNotContainNull();
		assertThat(this.leak.release()).isEqualTo(7);
		assertThat(this.leak.alive()).isZero();
		assertThat(leakedThreads()).isEmpty();
	}

	@Test
	void refusesACountThatIsNotPositive() {
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.leak.start(0))
			.withMessage("'count' must be between 1 and 10000 (at most 10000 demo threads at once; 0 running)")
			.matches((ex) -> !ex.isConflict());
		assertThatExceptionOfType(DemoRefusedException.class).isThrownBy(() -> this.leak.start(-3));
		assertThat(this.leak.alive()).isZero();
	}

	@Test
	void boundCountsTheThreadsAlreadyLeaked() {
		this.leak.start(3);
		assertThatExceptionOfType(DemoRefusedException.class)
			.isThrownBy(() -> this.leak.start(ThreadLeak.MAX_THREADS - 2))
			.withMessage("'count' must be between 1 and 9997 (at most 10000 demo threads at once; 3 running)");
		assertThat(this.leak.alive()).isEqualTo(3);
	}

	private static List<Thread> leakedThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("demo-leak-"))
			.toList();
	}

}
