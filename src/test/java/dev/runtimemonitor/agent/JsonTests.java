package dev.runtimemonitor.agent;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.evidence.Capture;
import dev.runtimemonitor.monitor.evidence.Evidence;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.RuntimeHealth;
import dev.runtimemonitor.publishing.history.HistoryResponse;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.EvidenceReport;
import dev.runtimemonitor.publishing.report.RuntimeReport;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The agent writes its JSON with Jackson's generator alone; these are the bytes Jackson's
 * object mapper writes for the same values, as the agent wrote them before and the
 * service's actuator writes them.
 */
class JsonTests {

	private static final long MIB = 1024 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final List<CheckPolicy> POLICIES = List.of(
			new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ofSeconds(60), Probe.LIVENESS),
			new CheckPolicy(Check.HEAP, 0.8, 0.95, Duration.ofSeconds(60), Probe.LIVENESS),
			new CheckPolicy(Check.GC_OVERHEAD, 0.05, 0.25, Duration.ZERO, Probe.READINESS),
			new CheckPolicy(Check.CONTAINER_MEMORY, 0.85, 0.95, Duration.ZERO, Probe.READINESS),
			new CheckPolicy(Check.DEADLOCK, Double.NaN, 1, Duration.ZERO, Probe.NONE));

	@Test
	void writesAHealthAsTheObjectMapper() {
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("status", "DOWN");
		health.put("details", RuntimeHealth.of(busyGc(), (policy) -> true).details());
		health.put("groups", List.of("liveness", "readiness"));
		assertSameBytes(health);
	}

	@Test
	void writesAReportWithAdviceAndEvidenceAsTheObjectMapper() {
		RuntimeReport report = new RuntimeReportBuilder(jvm(), Duration.ofMinutes(5), TuningAdvisor.withAllRules())
			.report(busyGc(), deadlockEvidence());
		assertThat(report.advice()).isNotEmpty();
		assertSameBytes(JsonValues.object(report));
	}

	@Test
	void writesAHistoryAsTheObjectMapper() {
		RuntimeHistory history = new RuntimeHistory(3);
		Evaluator evaluator = new Evaluator(POLICIES, Duration.ofSeconds(60));
		Evaluation first = evaluator.evaluate(atSeconds(0).threads(30).heap(100 * MIB, 256 * MIB).build(), null, null);
		history.onEvaluation(first, null);
		history.onEvaluation(
				evaluator.evaluate(atSeconds(5).threads(31).heap(133 * MIB, 256 * MIB).build(), null, first), first);
		assertSameBytes(JsonValues.object(HistoryResponse.of(5, history.capacity(), history.after(0))));
	}

	@Test
	void writesEachKindOfValueAsTheObjectMapper() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("text", "quote \" backslash \\ tab \t newline \n control \u0001 line separator \u2028 é 😀");
		values.put("none", null);
		values.put("yes", true);
		values.put("no", false);
		values.put("int", Integer.MIN_VALUE);
		values.put("short", (short) -7);
		values.put("byte", (byte) 3);
		values.put("long", Long.MAX_VALUE);
		values.put("doubles", Arrays.asList(0.1, -0.0, 1e-7, 1.0E20, 123456.789, Double.MIN_VALUE, Double.NaN,
				Double.POSITIVE_INFINITY));
		values.put("floats", List.of(0.1f, 3.4028235E38f, 1e-7f));
		values.put("bigs", List.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50")));
		values.put("empty", Map.of());
		values.put("nothing", List.of());
		values.put("set", Set.of("one"));
		values.put("listWithNull", new ArrayList<>(Arrays.asList("a", null)));
		assertSameBytes(values);
	}

	@Test
	void refusesWhatNoPublishingGivesRatherThanGuessing() {
		assertThatIllegalArgumentException().isThrownBy(() -> Json.write(Map.of("at", Instant.EPOCH)))
			.withMessageContaining("java.time.Instant");
		assertThatIllegalArgumentException().isThrownBy(() -> Json.write(Map.of(Level.OK, "ok")))
			.withMessageContaining(Level.class.getName());
	}

	private static void assertSameBytes(Object value) {
		assertThat(new String(Json.write(value), StandardCharsets.UTF_8))
			.isEqualTo(new String(MAPPER.writeValueAsBytes(value), StandardCharsets.UTF_8));
	}

	private static JvmSettings jvm() {
		return new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25+36-LTS", "Linux 6.1", "amd64", 2,
				1024 * MIB, new GcChoice(Collector.G1, false, 200, 0, false),
				new HeapSizing(256 * MIB, false, 25.0, false, 256 * MIB, false), "off");
	}

	/** A minute in which GC kept a default-sized heap busy, in a 1 GiB container. */
	private static Evaluation busyGc() {
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
			.deadlocked(2)
			.build();
		return evaluator.evaluate(now, start, evaluator.evaluate(start, null, null));
	}

	private static EvidenceReport deadlockEvidence() {
		Evidence evidence = new Evidence(EvidenceKind.DEADLOCKS,
				List.of(new Evidence.Trigger(Check.DEADLOCK, Level.CRITICAL)), Instant.parse("2026-01-01T00:00:30Z"),
				Duration.ofNanos(1_210_000),
				Capture.taken("2 deadlocked threads: \"a\" waits for \"b\"; \"b\" waits for \"a\"",
						"Found one Java-level deadlock: 2 threads\n=============================\n"));
		return EvidenceReport.of(Map.of(Check.DEADLOCK, evidence), Duration.ofHours(1));
	}

}
