package dev.runtimemonitor.publishing.report;

import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.ReportFixtures.MIB;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeReportFormatterTests {

	private final String text = RuntimeReportFormatter.format(ReportFixtures.reports().report(ReportFixtures.busyGc()));

	@Test
	void hasEverySectionInOrder() {
		assertThat(this.text).startsWith("Runtime report, sampled at 2026-01-01T00:01:00Z\n\nRUNTIME\n")
			.containsSubsequence("RUNTIME", "CHECKS", "GC (G1, pauses from counters, window 300s)", "HEAP", "MEMORY",
					"ADVICE");
	}

	@Test
	void writesFiguresForPeople() {
		assertThat(this.text).contains("  collector          G1, chosen by ergonomics; pause goal 200 ms\n")
			.contains("  max heap           256.0 MiB, set by default (MaxRAMPercentage 25.0)\n")
			.contains("memory             1.0 GiB seen by the JVM; container limit 1.0 GiB")
			.contains("  p50 / p90 / p99    15.00 ms / 30.00 ms / 30.00 ms\n")
			.contains("  overhead           8.0% of wall time in pauses\n")
			.contains("  allocation         512.0 MiB/s\n")
			.contains("  used after GC      120.0 MiB (46.9% of max)\n")
			.contains("  headroom           136.0 MiB for the live data to grow\n");
	}

	@Test
	void splitsTheContainersMemory() {
		assertThat(this.text).contains("  container          400.0 MiB of the 1.0 GiB limit (39.1%; working set)\n")
			.contains("  resident           400.0 MiB (the process alone)\n")
			.doesNotContain("climbing");
	}

	@Test
	void splitsTheWorkingSetIntoWhatTheJvmCommittedAndTheRest() {
		String text = RuntimeReportFormatter.format(ReportFixtures.reports()
			.report(ReportFixtures
				.evaluate(ReportFixtures.committedParts().container(1024 * MIB, 500 * MIB, 400 * MIB))));
		assertThat(text).contains("  container          400.0 MiB of the 1.0 GiB limit (39.1%; working set)\n"
				+ "  of which           heap 256.0 MiB committed, non-heap 64.0 MiB, direct buffers 16.0 MiB, "
				+ "the rest 64.0 MiB (thread stacks, malloc, page cache, tmpfs, other processes)\n"
				+ "  resident           380.0 MiB (the process alone)\n");
	}

	@Test
	void splitsTheUsageWhereTheWorkingSetIsUnknown() {
		String text = RuntimeReportFormatter.format(ReportFixtures.reports()
			.report(ReportFixtures.evaluate(ReportFixtures.committedParts().container(1024 * MIB, 500 * MIB))));
		assertThat(text).contains("  container          500.0 MiB of the 1.0 GiB limit (48.8%; usage)\n"
				+ "  of which           heap 256.0 MiB committed, non-heap 64.0 MiB, direct buffers 16.0 MiB, "
				+ "the rest 164.0 MiB (thread stacks, malloc, page cache, tmpfs, other processes)\n");
	}

	@Test
	void hasNoSplitWithoutAContainerLimit() {
		String text = RuntimeReportFormatter
			.format(ReportFixtures.reports().report(ReportFixtures.evaluate(ReportFixtures.committedParts())));
		assertThat(text).contains("  container          no memory limit\n").doesNotContain("of which");
	}

	@Test
	void saysWhereAGrowingLiveSetAndAClimbingContainerLead() {
		String filling = RuntimeReportFormatter.format(ReportFixtures.reports().report(ReportFixtures.fillingUp()));
		assertThat(filling)
			.contains("  live set           200.0 MiB; grows 10.0 MiB/min, the heap is full in ~82 min\n")
			.contains("  container          575.0 MiB of the 1.0 GiB limit (56.2%; working set)\n")
			.contains(
					"  climbing           at least 5.0 MiB/s at each of the last two samples: the limit in ~89.8 s\n");
	}

	@Test
	void saysWhenTheLiveSetIsNotKnownYet() {
		assertThat(this.text).contains("  live set           unknown until a collection reclaims old objects\n");
	}

	@Test
	void listsThePauseCausesOfTheWindow() {
		assertThat(this.text).contains("  pause causes       G1 Evacuation Pause: 298 pauses, 4.0 s, longest 30.00 ms\n"
				+ "                     System.gc(): 2 pauses, 800 ms, longest 500 ms\n");
	}

	@Test
	void endsWithTheEvidenceWhenItIsShown() {
		assertThat(this.text).doesNotContain("EVIDENCE");
		String withEvidence = RuntimeReportFormatter
			.format(ReportFixtures.reports().report(ReportFixtures.busyGc(), ReportFixtures.deadlockEvidence()));
		assertThat(withEvidence.substring(withEvidence.indexOf("\nEVIDENCE"))).isEqualTo("""

				EVIDENCE (captured when a check rose to warning or critical; kept until it has been ok for 1h)
				  deadlock: critical at 2026-01-01T00:00:30Z, deadlocks, took 1.21 ms
				    2 deadlocked threads: "a" waits for "b"; "b" waits for "a"
				    | Found one Java-level deadlock: 2 threads
				    | =============================
				""");
	}

	@Test
	void hasARowPerCheck() {
		assertThat(this.text).containsPattern("\n  threads +ok +42 threads +1000 threads +5000 threads +60s +2026-")
			.containsPattern("\n  gc-overhead +warning +8\\.0% +5\\.0% +25\\.0% +0s +2026-")
			.containsPattern("\n  container-memory +ok +39\\.1% +85\\.0% +95\\.0%");
	}

	@Test
	void numbersTheAdviceAndWrapsIt() {
		assertThat(this.text).contains("  1. [gc-overhead] GC pauses took 8.0% of the wall time")
			.contains("  2. [default-heap-in-container] ")
			.contains("     -> Give the heap more room");
		assertThat(this.text.substring(this.text.indexOf("ADVICE")).lines())
			.allSatisfy((line) -> assertThat(line.length()).isLessThanOrEqualTo(100));
	}

}
