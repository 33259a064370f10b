package dev.runtimemonitor.publishing.report;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Rates;
import dev.runtimemonitor.publishing.report.advice.Advice;
import dev.runtimemonitor.testsupport.SnapshotBuilder;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.ReportFixtures.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RuntimeReportsTests {

	private final RuntimeReport report = ReportFixtures.reports().report(ReportFixtures.busyGc());

	@Test
	void describesTheRuntimeFromTheStartUpSettingsAndTheSnapshot() {
		RuntimeInfo runtime = this.report.runtime();
		assertThat(runtime.version()).isEqualTo("25+36-LTS");
		assertThat(runtime.availableProcessors()).isEqualTo(2);
		assertThat(runtime.containerMemoryLimitBytes()).isEqualTo(1024 * MIB);
		assertThat(runtime.gc()).isEqualTo(new RuntimeInfo.Gc("G1", "ergonomics", 200L, 0L, false));
		assertThat(runtime.heap()).isEqualTo(new RuntimeInfo.Heap(256 * MIB, "default", 25.0, 256 * MIB));
	}

	@Test
	void listsEveryCheckWithValueThresholdsLevelAndSince() {
		assertThat(this.report.checks()).extracting(CheckReport::check)
			.containsExactly("threads", "heap", "gc-overhead", "container-memory");
		CheckReport overhead = this.report.checks().get(2);
		assertThat(overhead.level()).isEqualTo("warning");
		assertThat(overhead.value().doubleValue()).isCloseTo(0.08, within(1e-9));
		assertThat(overhead.warning()).isEqualTo(0.05);
		assertThat(overhead.critical()).isEqualTo(0.25);
		assertThat(overhead.sustain()).isEqualTo("0s");
		assertThat(overhead.since()).isEqualTo(SnapshotBuilder.START.plusSeconds(60));
		assertThat(overhead.probe()).isEqualTo("readiness");
		assertThat(this.report.checks().get(0).value()).isEqualTo(42L);
	}

	@Test
	void reportsPausePercentilesAndOverheadInSeconds() {
		GcReport gc = this.report.gc();
		assertThat(gc.collector()).isEqualTo("G1");
		assertThat(gc.pauseSource()).isEqualTo("jfr");
		assertThat(gc.windowPauses()).isEqualTo(300);
		assertThat(gc.p50()).isEqualTo(0.015);
		assertThat(gc.p99()).isEqualTo(0.03);
		assertThat(gc.pauseGoal()).isEqualTo(0.2);
		assertThat(gc.pauseGoalSource()).isEqualTo("MaxGCPauseMillis");
		assertThat(gc.overhead()).isCloseTo(0.08, within(1e-9));
		assertThat(gc.collectionsPerSecond()).isEqualTo(5);
		assertThat(gc.allocationBytesPerSecond()).isEqualTo(512.0 * MIB);
		assertThat(gc.pauseTotal()).isEqualTo(4.8);
		assertThat(gc.collectors()).hasSize(1);
	}

	@Test
	void analysesTheHeap() {
		HeapReport heap = this.report.heap();
		assertThat(heap.usedBytes()).isEqualTo(200 * MIB);
		assertThat(heap.committedBytes()).isEqualTo(256 * MIB);
		assertThat(heap.maxBytes()).isEqualTo(256 * MIB);
		assertThat(heap.usedAfterGcBytes()).isEqualTo(120 * MIB);
		assertThat(heap.usedToCommitted()).isEqualTo(200.0 / 256);
		assertThat(heap.committedToMax()).isEqualTo(1.0);
		assertThat(heap.usedAfterGcToMax()).isEqualTo(120.0 / 256);
		assertThat(heap.headroomBytes()).isEqualTo(136 * MIB);
	}

	@Test
	void advisesFromWhatWasMeasured() {
		assertThat(this.report.advice()).extracting(Advice::rule)
			.containsExactly("gc-overhead", "default-heap-in-container", "uncommit");
	}

	@Test
	void leavesUnknownFiguresOut() {
		RuntimeReport empty = ReportFixtures.reports()
			.report(new Evaluation(SnapshotBuilder.atSeconds(0).build(), Rates.UNKNOWN, java.util.List.of()));
		assertThat(empty.heap()).isNull();
		assertThat(empty.gc().pauseSource()).isNull();
		assertThat(empty.gc().p99()).isNull();
		assertThat(empty.gc().overhead()).isNull();
		assertThat(empty.runtime().containerMemoryLimitBytes()).isNull();
		assertThat(empty.advice()).isEmpty();
	}

}
