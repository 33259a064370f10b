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

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.RuntimeHealth;
import dev.runtimemonitor.publishing.history.HistoryResponse;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.ReportFixtures;
import dev.runtimemonitor.publishing.report.RuntimeReport;
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

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void writesAHealthAsTheObjectMapper() {
		Map<String, Object> health = new LinkedHashMap<>();
		health.put("status", "DOWN");
		health.put("details", RuntimeHealth.of(ReportFixtures.busyGc(), (policy) -> true).details());
		health.put("groups", List.of("liveness", "readiness"));
		assertSameBytes(health);
	}

	@Test
	void writesAReportWithAdviceAndEvidenceAsTheObjectMapper() {
		RuntimeReport report = ReportFixtures.reports()
			.report(ReportFixtures.busyGc(), ReportFixtures.deadlockEvidence());
		assertThat(report.advice()).isNotEmpty();
		assertSameBytes(JsonValues.object(report));
	}

	@Test
	void writesAHistoryAsTheObjectMapper() {
		RuntimeHistory history = new RuntimeHistory(3);
		Evaluator evaluator = new Evaluator(ReportFixtures.POLICIES, Duration.ofSeconds(60));
		Evaluation first = evaluator.evaluate(
				atSeconds(0).threads(30).heap(100 * ReportFixtures.MIB, 256 * ReportFixtures.MIB).build(), null, null);
		history.onEvaluation(first, null);
		history.onEvaluation(evaluator.evaluate(
				atSeconds(5).threads(31).heap(133 * ReportFixtures.MIB, 256 * ReportFixtures.MIB).build(), null, first),
				first);
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

}
