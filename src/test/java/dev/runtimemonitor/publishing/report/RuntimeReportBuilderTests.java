package dev.runtimemonitor.publishing.report;

import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.report.advice.Advice;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.testsupport.SnapshotBuilder;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.ReportFixtures.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RuntimeReportBuilderTests {

	private final RuntimeReport report = ReportFixtures.reports().report(ReportFixtures.busyGc());

	@Test
	void describesTheRuntimeFromTheStartUpSettingsAndTheSnapshot() {
		RuntimeInfo runtime = this.report.runtime();
		assertThat(runtime.version()).isEqualTo("25+36-LTS");
		assertThat(runtime.availableProcessors()).isEqualTo(2);
		assertThat(runtime.containerMemoryLimitBytes()).isEqualTo(1024 * MIB);
		assertThat(runtime.gc()).isEqualTo(
				new RuntimeInfo.Gc("G1", "ergonomics", 0.2, 0, false, "counters", "pauses from the JVM's GC counters"));
		assertThat(runtime.heap()).isEqualTo(new RuntimeInfo.Heap(256 * MIB, "default", 25.0, 256 * MIB));
	}

	@Test
	void listsEveryCheckWithValueThresholdsLevelAndSince() {
		assertThat(this.report.checks()).extracting(CheckReport::check)
			.containsExactly("threads", "heap", "gc-overhead", "container-memory");
		CheckReport overhead = this.report.checks().get(2);
		assertThat(overhead.level()).isEqualTo("warning");
		assertThat(overhead.value()).isCloseTo(0.08, within(1e-9));
		assertThat(overhead.warning()).isEqualTo(0.05);
		assertThat(overhead.critical()).isEqualTo(0.25);
		assertThat(overhead.sustainSeconds()).isZero();
		assertThat(overhead.since()).isEqualTo(SnapshotBuilder.START.plusSeconds(60));
		assertThat(overhead.probe()).isEqualTo("readiness");
		assertThat(this.report.checks().get(0).value()).isEqualTo(42);
	}

	@Test
	void reportsPausePercentilesAndOverheadInSeconds() {
		Readings.Gc gc = this.report.gc();
		assertThat(this.report.runtime().gc().collector()).isEqualTo("G1");
		assertThat(gc.pauseSource()).isEqualTo("counters");
		assertThat(gc.averagedPauses()).isZero();
		assertThat(gc.windowPauses()).isEqualTo(300);
		assertThat(gc.p50Seconds()).isEqualTo(0.015);
		assertThat(gc.p99Seconds()).isEqualTo(0.03);
		assertThat(this.report.pauseGoal()).isEqualTo(new RuntimeReport.PauseGoal(0.2, "MaxGCPauseMillis"));
		assertThat(gc.overhead()).isCloseTo(0.08, within(1e-9));
		assertThat(gc.collectionsPerSecond()).isEqualTo(5);
		assertThat(gc.allocationBytesPerSecond()).isEqualTo(512.0 * MIB);
		assertThat(gc.pauseSeconds()).isEqualTo(4.8);
		assertThat(this.report.collectors()).hasSize(1);
	}

	@Test
	void reportsTheHeap() {
		Readings.Heap heap = this.report.heap();
		assertThat(heap.usedBytes()).isEqualTo(200 * MIB);
		assertThat(heap.committedBytes()).isEqualTo(256 * MIB);
		assertThat(heap.maxBytes()).isEqualTo(256 * MIB);
		assertThat(heap.usedAfterGcBytes()).isEqualTo(120 * MIB);
	}

	@Test
	void advisesFromWhatWasMeasured() {
		assertThat(this.report.advice()).extracting(Advice::rule)
			.containsExactly("gc-overhead", "default-heap-in-container", "uncommit");
	}

	@Test
	void asJsonLeavesUnknownFiguresOutAndWritesWholeNumbersAsIntegers() {
		RuntimeSnapshot nothing = SnapshotBuilder.atSeconds(0).build();
		RuntimeReport empty = ReportFixtures.reports().report(new Evaluation(nothing, Readings.of(nothing), List.of()));
		Map<String, Object> json = JsonValues.object(empty);
		assertThat(json).containsKeys("sampledAt", "windowSeconds", "runtime", "checks", "threads", "heap", "memory",
				"gc", "pauseGoal", "collectors", "advice");
		assertThat(json.get("windowSeconds")).isEqualTo(300L);
		assertThat(json.get("heap")).isEqualTo(Map.of());
		assertThat(object(json, "gc")).doesNotContainKeys("pauseSource", "pauseSourceReason", "p99Seconds", "overhead");
		assertThat(object(json, "runtime")).doesNotContainKey("containerMemoryLimitBytes");
		assertThat(empty.advice()).isEmpty();
		assertThat(object(JsonValues.object(this.report), "heap")).containsEntry("usedBytes", 200 * MIB);
	}

	@Test
	void theJsonCarriesThePartsTheWorkingSetSplitsInto() {
		Map<String, Object> json = JsonValues.object(ReportFixtures.reports()
			.report(ReportFixtures
				.evaluate(ReportFixtures.committedParts().container(1024 * MIB, 500 * MIB, 400 * MIB))));
		assertThat(object(json, "heap")).containsEntry("committedBytes", 256 * MIB);
		assertThat(object(json, "memory")).containsEntry("containerLimitBytes", 1024 * MIB)
			.containsEntry("containerWorkingSetBytes", 400 * MIB)
			.containsEntry("containerUsageBytes", 500 * MIB)
			.containsEntry("nonHeapCommittedBytes", 64 * MIB)
			.containsEntry("directBufferBytes", 16 * MIB)
			.containsEntry("residentBytes", 380 * MIB);
	}

	@Test
	void listsTheWindowsPauseTimeByCause() {
		assertThat(this.report.pauseCauses()).containsExactly(
				new Readings.PauseCause("G1 Evacuation Pause", 298, 4.0, 0.03, false),
				new Readings.PauseCause("System.gc()", 2, 0.8, 0.5, false));
	}

	@Test
	void leavesTheEvidenceOutUnlessGivenIt() {
		assertThat(this.report.evidence()).isNull();
		assertThat(JsonValues.object(this.report)).doesNotContainKey("evidence");
		RuntimeReport withEvidence = ReportFixtures.reports()
			.report(ReportFixtures.busyGc(), ReportFixtures.deadlockEvidence());
		Map<String, Object> evidence = object(JsonValues.object(withEvidence), "evidence");
		assertThat(evidence).containsEntry("keepSeconds", 3600L);
		assertThat(object(object(evidence, "checks"), "deadlock")).containsEntry("level", "critical")
			.containsEntry("takenAt", "2026-01-01T00:00:30Z")
			.containsEntry("kind", "deadlocks")
			.containsEntry("taken", true)
			.containsEntry("tookSeconds", 0.00121)
			.containsEntry("summary", "2 deadlocked threads: \"a\" waits for \"b\"; \"b\" waits for \"a\"")
			.containsEntry("text", "Found one Java-level deadlock: 2 threads\n=============================\n")
			.doesNotContainKey("pauseSeconds");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Map<String, Object> json, String field) {
		return (Map<String, Object>) json.get(field);
	}

}
