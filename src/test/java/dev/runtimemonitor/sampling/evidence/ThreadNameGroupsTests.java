package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadNameGroupsTests {

	@Test
	void takesOutTheThreadNumberOfAPool() {
		assertThat(ThreadNameGroups.of(pool("pool-7-thread-", 1, 4980)).groups())
			.containsExactly(new ThreadNameGroup("pool-7-thread-*", 4980));
	}

	@Test
	void keepsTheNumbersThatAllThreadsOfAGroupShareSuchAsThePort() {
		assertThat(ThreadNameGroups.of(pool("http-nio-8080-exec-", 1, 200)).groups())
			.containsExactly(new ThreadNameGroup("http-nio-8080-exec-*", 200));
	}

	@Test
	void keepsTwoConnectorsApart() {
		List<String> names = pool("http-nio-8080-exec-", 1, 10);
		names.addAll(pool("http-nio-8443-exec-", 1, 10));
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(new ThreadNameGroup("http-nio-8080-exec-*", 10),
				new ThreadNameGroup("http-nio-8443-exec-*", 10));
	}

	@Test
	void keepsALeakingPoolApartFromASmallOne() {
		List<String> names = pool("pool-7-thread-", 1, 4980);
		names.addAll(pool("pool-8-thread-", 1, 4));
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(new ThreadNameGroup("pool-7-thread-*", 4980),
				new ThreadNameGroup("pool-8-thread-*", 4));
	}

	@Test
	void takesOutThePoolNumberWhenEveryPoolHasOneThread() {
		List<String> names = new ArrayList<>();
		for (int pool = 1; pool <= 500; pool++) {
			names.add("pool-" + pool + "-thread-1");
		}
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(new ThreadNameGroup("pool-*-thread-1", 500));
	}

	@Test
	void takesOutBothNumbersWhenEveryPoolHasAFewThreads() {
		List<String> names = new ArrayList<>();
		for (int pool = 1; pool <= 2490; pool++) {
			names.addAll(pool("pool-" + pool + "-thread-", 1, 2));
		}
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(new ThreadNameGroup("pool-*-thread-*", 4980));
	}

	@Test
	void findsTheLeakingPoolAmongManySmallOnes() {
		List<String> names = new ArrayList<>();
		for (int pool = 1; pool <= 100; pool++) {
			names.add("pool-" + pool + "-thread-1");
		}
		names.addAll(pool("pool-37-thread-", 2, 4980));
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(new ThreadNameGroup("pool-37-thread-*", 4980),
				new ThreadNameGroup("pool-*-thread-1", 99));
	}

	@Test
	void groupsTheJvmsOwnThreadsAsAThreadDumpReadsThem() {
		List<String> names = new ArrayList<>(List.of("main", "Reference Handler", "Finalizer", "Signal Dispatcher",
				"C2 CompilerThread0", "C2 CompilerThread1", "C1 CompilerThread0", "RMI TCP Connection(12)-127.0.0.1",
				"RMI TCP Connection(13)-127.0.0.1"));
		names.addAll(pool("GC Thread#", 0, 1));
		names.addAll(pool("ForkJoinPool.commonPool-worker-", 1, 3));
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(
				new ThreadNameGroup("ForkJoinPool.commonPool-worker-*", 3),
				new ThreadNameGroup("C2 CompilerThread*", 2), new ThreadNameGroup("GC Thread#*", 2),
				new ThreadNameGroup("RMI TCP Connection(*)-127.0.0.1", 2), new ThreadNameGroup("C1 CompilerThread0", 1),
				new ThreadNameGroup("Finalizer", 1), new ThreadNameGroup("Reference Handler", 1),
				new ThreadNameGroup("Signal Dispatcher", 1), new ThreadNameGroup("main", 1));
	}

	@Test
	void writesAStarThatIsPartOfANameSoThatItReadsBack() {
		List<String> names = List.of("job*1", "job*2", "job\\3");
		assertThat(ThreadNameGroups.of(names).groups()).containsExactly(new ThreadNameGroup("job\\**", 2),
				new ThreadNameGroup("job\\\\3", 1));
		assertThat(ThreadNamePattern.ofPattern("job\\**")).isEqualTo(new ThreadNamePattern("job\\**", new String[1]));
	}

	@Test
	void keepsTheLargestGroupsAndCountsTheRest() {
		List<String> names = pool("worker-1-", 1, 5);
		names.addAll(List.of("alpha", "beta", "gamma"));
		ThreadNameGroups groups = ThreadNameGroups.of(names, 2);
		assertThat(groups.threads()).isEqualTo(8);
		assertThat(groups.groups()).containsExactly(new ThreadNameGroup("worker-1-*", 5),
				new ThreadNameGroup("alpha", 1));
		assertThat(groups.otherGroups()).isEqualTo(2);
		assertThat(groups.otherThreads()).isEqualTo(2);
		assertThat(groups.top(1)).containsExactly(new ThreadNameGroup("worker-1-*", 5));
		assertThat(groups.top(10)).hasSize(2);
	}

	@Test
	void growthComparesAGroupWithTheSameGroupEarlier() {
		ThreadNameGroups before = ThreadNameGroups.of(concat(pool("pool-7-thread-", 1, 12), List.of("main")));
		ThreadNameGroups now = ThreadNameGroups.of(concat(pool("pool-7-thread-", 1, 4980), List.of("main")));
		assertThat(now.growthSince(before)).containsExactly(new ThreadGroupGrowth("pool-7-thread-*", 12, 4980, true));
	}

	@Test
	void growthCountsAnEarlierGroupThatWasOnlyOneThread() {
		ThreadNameGroups before = ThreadNameGroups.of(List.of("pool-7-thread-1", "pool-8-thread-1"));
		ThreadNameGroups now = ThreadNameGroups.of(concat(pool("pool-7-thread-", 1, 300), List.of("pool-8-thread-1")));
		assertThat(before.groups()).containsExactly(new ThreadNameGroup("pool-*-thread-1", 2));
		assertThat(now.groups()).containsExactly(new ThreadNameGroup("pool-7-thread-*", 300),
				new ThreadNameGroup("pool-8-thread-1", 1));
		assertThat(now.growthSince(before)).containsExactly(new ThreadGroupGrowth("pool-7-thread-*", 2, 300, false));
	}

	@Test
	void growthListsNewGroupsAndLeavesOutGroupsThatDidNotGrow() {
		ThreadNameGroups before = ThreadNameGroups
			.of(concat(pool("http-nio-8080-exec-", 1, 10), pool("pool-2-thread-", 1, 3)));
		ThreadNameGroups now = ThreadNameGroups.of(concat(pool("http-nio-8080-exec-", 1, 8),
				concat(pool("pool-2-thread-", 1, 3), pool("grpc-default-executor-", 1, 40))));
		assertThat(now.growthSince(before))
			.containsExactly(new ThreadGroupGrowth("grpc-default-executor-*", 0, 40, true));
	}

	@Test
	void growthDoesNotCountAnotherPoolOfTheSameShape() {
		ThreadNameGroups before = ThreadNameGroups.of(pool("pool-8-thread-", 1, 50));
		ThreadNameGroups now = ThreadNameGroups
			.of(concat(pool("pool-7-thread-", 1, 60), pool("pool-8-thread-", 1, 50)));
		assertThat(now.growthSince(before)).containsExactly(new ThreadGroupGrowth("pool-7-thread-*", 0, 60, true));
	}

	@Test
	void growthOfAGroupCutFinerNowIsALowerBound() {
		List<String> manyPools = new ArrayList<>();
		for (int pool = 1; pool <= 100; pool++) {
			manyPools.add("pool-" + pool + "-thread-1");
		}
		ThreadNameGroups before = ThreadNameGroups.of(manyPools);
		ThreadNameGroups now = ThreadNameGroups.of(concat(manyPools, pool("pool-37-thread-", 2, 4980)));
		assertThat(now.growthSince(before))
			.containsExactly(new ThreadGroupGrowth("pool-37-thread-*", 100, 4980, false));
		assertThat(now.growthSince(before).get(0).grewBy()).isEqualTo(4880);
	}

	private static List<String> pool(String prefix, int first, int last) {
		List<String> names = new ArrayList<>();
		for (int i = first; i <= last; i++) {
			names.add(prefix + i);
		}
		return names;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
