package dev.runtimemonitor.publishing.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.evidence.Capture;
import dev.runtimemonitor.monitor.evidence.Evidence;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import dev.runtimemonitor.testsupport.SnapshotBuilder;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;

/**
 * A service under a 1 GiB container limit with a default-sized heap that GC keeps busy: a
 * minute of history, two snapshots, judged by the threads, heap and gc-overhead checks.
 */
public final class ReportFixtures {

	public static final long MIB = 1024 * 1024;

	public static final JvmSettings JVM = new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25+36-LTS",
			"Linux 6.1", "amd64", 2, 1024 * MIB, new GcChoice(Collector.G1, false, 200, 0, false),
			new HeapSizing(256 * MIB, false, 25.0, false, 256 * MIB, false), "off");

	public static final List<CheckPolicy> POLICIES = List.of(
			new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ofSeconds(60), Probe.LIVENESS),
			new CheckPolicy(Check.HEAP, 0.8, 0.95, Duration.ofSeconds(60), Probe.LIVENESS),
			new CheckPolicy(Check.GC_OVERHEAD, 0.05, 0.25, Duration.ZERO, Probe.READINESS),
			new CheckPolicy(Check.CONTAINER_MEMORY, 0.85, 0.95, Duration.ZERO, Probe.READINESS));

	private ReportFixtures() {
	}

	public static Evaluation busyGc() {
		Evaluator evaluator = new Evaluator(POLICIES, Duration.ofSeconds(60));
		RuntimeSnapshot start = atSeconds(0).threads(30)
			.heap(100 * MIB, 256 * MIB)
			.allocated(0)
			.recordedPauses(0, 0, 0)
			.build();
		RuntimeSnapshot now = atSeconds(60).threads(42)
			.heap(200 * MIB, 256 * MIB)
			.gc(120 * MIB, new CollectorFigures("G1 Young Generation", 300, 4_800, false))
			.recordedPauses(300, 4_800_000_000L, 0, 30_000_000,
					new GcPauseCause("G1 Evacuation Pause", 298, 4_000_000_000L, 30_000_000, false),
					new GcPauseCause("System.gc()", 2, 800_000_000, 500_000_000, false))
			.allocated(60L * 512 * MIB)
			.resident(400 * MIB)
			.container(1024 * MIB, 500 * MIB, 400 * MIB)
			.build();
		return evaluator.evaluate(now, start, evaluator.evaluate(start, null, null));
	}

	/**
	 * A heap whose live set grows 10 MiB a minute and a container that climbs 5 MiB a
	 * second, sampled every 5 seconds.
	 */
	static Evaluation fillingUp() {
		Evaluator evaluator = new Evaluator(POLICIES, Duration.ofSeconds(60));
		Evaluation evaluation = null;
		for (int i = 0; i <= 3; i++) {
			RuntimeSnapshot snapshot = atSeconds(900 + 5L * i).threads(30)
				.liveSetEveryMinute(50 * MIB, 60 * MIB, 70 * MIB, 80 * MIB, 90 * MIB, 100 * MIB, 110 * MIB, 120 * MIB,
						130 * MIB, 140 * MIB, 150 * MIB, 160 * MIB, 170 * MIB, 180 * MIB, 190 * MIB, 200 * MIB)
				.container(1024 * MIB, 600 * MIB + 25 * MIB * i, 500 * MIB + 25 * MIB * i)
				.build();
			evaluation = evaluator.evaluate(snapshot, null, evaluation);
		}
		return evaluation;
	}

	/**
	 * A JVM whose memory splits into parts that add up: 256 MiB of committed heap, 64 MiB
	 * of committed non-heap memory, 16 MiB of direct buffers and 380 MiB resident. The
	 * caller adds the container.
	 */
	static SnapshotBuilder committedParts() {
		return atSeconds(0).heap(200 * MIB, 256 * MIB)
			.nonHeap(60 * MIB, 64 * MIB)
			.directMemory(16 * MIB, 256 * MIB)
			.resident(380 * MIB);
	}

	/**
	 * The first evaluation of a snapshot, by the fixture's checks.
	 */
	static Evaluation evaluate(SnapshotBuilder snapshot) {
		return new Evaluator(POLICIES, Duration.ofSeconds(60)).evaluate(snapshot.build(), null, null);
	}

	/**
	 * The evidence of a deadlock, captured when the check turned critical and kept for an
	 * hour once it is ok.
	 */
	public static EvidenceReport deadlockEvidence() {
		Evidence evidence = new Evidence(EvidenceKind.DEADLOCKS,
				List.of(new Evidence.Trigger(Check.DEADLOCK, Level.CRITICAL)), Instant.parse("2026-01-01T00:00:30Z"),
				Duration.ofNanos(1_210_000),
				Capture.taken("2 deadlocked threads: \"a\" waits for \"b\"; \"b\" waits for \"a\"",
						"Found one Java-level deadlock: 2 threads\n=============================\n"));
		return EvidenceReport.of(Map.of(Check.DEADLOCK, evidence), Duration.ofHours(1));
	}

	public static RuntimeReportBuilder reports() {
		return new RuntimeReportBuilder(JVM, Duration.ofMinutes(5), TuningAdvisor.withAllRules());
	}

}
