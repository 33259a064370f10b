package dev.runtimemonitor.monitor.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.sampling.evidence.ThreadNameGroups;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadGroupsFormatterTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void showsTheLargestGroupsAndWhatGrewSinceTheChecksWereOk() {
		List<String> then = new ArrayList<>(List.of("main"));
		List<String> now = new ArrayList<>(List.of("main"));
		for (int i = 1; i <= 200; i++) {
			now.add("http-nio-8080-exec-" + i);
			then.add("http-nio-8080-exec-" + i);
		}
		for (int i = 1; i <= 4980; i++) {
			now.add("pool-7-thread-" + i);
			if (i <= 12) {
				then.add("pool-7-thread-" + i);
			}
		}
		Capture capture = ThreadGroupsFormatter.format(ThreadNameGroups.of(now), ThreadNameGroups.of(then), T0, 2);
		assertThat(capture.summary()).isEqualTo("5,181 live threads in 3 groups; largest pool-7-thread-* (4,980); "
				+ "grew most pool-7-thread-* (+4,968 since the checks were ok)");
		assertThat(capture.text()).isEqualTo("""
				5,181 live threads in 3 groups; the largest:
				      4,980  pool-7-thread-*
				        200  http-nio-8080-exec-*
				Grown since the check was last ok:
				     +4,968  pool-7-thread-*  (12 then, 4,980 now)
				Compared with the 213 live threads at 2026-01-01T00:00:00Z, when the thread checks were last ok.
				""");
	}

	@Test
	void saysWhenTheGrowthIsALowerBound() {
		ThreadNameGroups then = ThreadNameGroups.of(List.of("pool-7-thread-1", "pool-8-thread-1"));
		List<String> now = new ArrayList<>(List.of("pool-8-thread-1"));
		for (int i = 1; i <= 300; i++) {
			now.add("pool-7-thread-" + i);
		}
		Capture capture = ThreadGroupsFormatter.format(ThreadNameGroups.of(now), then, T0, 5);
		assertThat(capture.text()).contains("      ≥+298  pool-7-thread-*  (at most 2 then, 300 now)");
		assertThat(capture.summary()).endsWith("grew most pool-7-thread-* (at least +298 since the checks were ok)");
	}

	@Test
	void withoutAnEarlierGroupingShowsOnlyTheGroupsAndSaysWhy() {
		Capture capture = ThreadGroupsFormatter.format(ThreadNameGroups.of(List.of("main")), null, null);
		assertThat(capture.summary()).isEqualTo("1 live threads in 1 groups; largest main (1)");
		assertThat(capture.text()).isEqualTo("""
				1 live threads in 1 groups; the largest:
				          1  main
				No earlier grouping to compare with: the thread checks were not ok since start.
				""");
	}

	@Test
	void showsAtMostTheTopGroupsOfEachList() {
		List<String> now = new ArrayList<>();
		for (int group = 0; group < ThreadGroupsFormatter.TOP + 5; group++) {
			String pool = "pool" + (char) ('a' + group);
			now.add(pool + "-1");
			now.add(pool + "-2");
		}
		Capture capture = ThreadGroupsFormatter.format(ThreadNameGroups.of(now), ThreadNameGroups.of(List.of()), T0);
		assertThat(capture.text().lines().filter((line) -> line.startsWith("          2  pool")))
			.hasSize(ThreadGroupsFormatter.TOP);
		assertThat(capture.text().lines().filter((line) -> line.startsWith("         +2  pool")))
			.hasSize(ThreadGroupsFormatter.TOP);
	}

}
