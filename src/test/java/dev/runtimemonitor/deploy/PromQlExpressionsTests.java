package dev.runtimemonitor.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.runtimemonitor.deploy.PromQlExpressions.Expression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromQlExpressionsTests {

	@TempDir
	Path directory;

	@Test
	void everyRuleGivesItsExpressionNamedAfterTheRule() throws IOException {
		Path rules = Files.writeString(this.directory.resolve("rules.yml"), """
				groups:
				  - name: one
				    rules:
				      - record: job:up:sum
				        expr: sum by (job) (up)
				      - alert: Down
				        expr: |
				          up == 0
				        for: 5m
				        labels: {severity: critical}
				  - name: two
				    rules:
				      - alert: Slow
				        expr: rate(x[5m]) > 1
				        labels: {severity: warning}
				""");
		assertThat(PromQlExpressions.fromRules(rules)).containsExactly(
				new Expression("record job:up:sum", "sum by (job) (up)"),
				new Expression("alert Down (critical)", "up == 0"),
				new Expression("alert Slow (warning)", "rate(x[5m]) > 1"));
	}

	@Test
	void everyPanelQueryGivesItsExpressionWithTheVariablesReplaced() throws IOException {
		Path dashboard = Files.writeString(this.directory.resolve("dashboard.json"), """
				{"panels": [
				  {"type": "row", "title": "Collapsed", "panels": [
				    {"title": "Inner", "targets": [{"refId": "A", "expr": "up{job=\\"$job\\"}"}]}
				  ]},
				  {"title": "Text", "type": "text"},
				  {"title": "Two", "targets": [
				    {"refId": "A", "expr": "rate(x{instance=~\\"${instance}\\"}[5m])"},
				    {"refId": "B", "expr": "y{instance=~\\"[[instance]]\\", job=\\"${job:raw}\\"}"},
				    {"refId": "C", "expr": ""}
				  ]}
				]}
				""");
		assertThat(PromQlExpressions.fromDashboard(dashboard, Map.of("job", "rm", "instance", ".*"))).containsExactly(
				new Expression("panel \"Inner\" query A", "up{job=\"rm\"}"),
				new Expression("panel \"Two\" query A", "rate(x{instance=~\".*\"}[5m])"),
				new Expression("panel \"Two\" query B", "y{instance=~\".*\", job=\"rm\"}"));
	}

	@Test
	void aVariableWithoutAValueIsNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PromQlExpressions.substitute("rate(x[$__rate_interval])", Map.of("job", "rm"),
					"panel \"P\" query A"))
			.withMessageContaining("panel \"P\" query A uses the variable $__rate_interval");
	}

	@Test
	void theShippedFilesGiveEveryRuleAndEveryPanelQuery() throws IOException {
		List<Expression> rules = PromQlExpressions.fromRules(PromQlExpressions.RULES);
		List<Expression> dashboard = PromQlExpressions.fromDashboard(PromQlExpressions.DASHBOARD,
				PromQlExpressions.DEFAULT_VARIABLES);
		assertThat(rules).hasSize(count("^\\s+- (alert|record): ", Files.readString(PromQlExpressions.RULES)));
		assertThat(dashboard).hasSize(count("\"expr\": ", Files.readString(PromQlExpressions.DASHBOARD)));
		assertThat(PromQlExpressions.all()).hasSize(rules.size() + dashboard.size())
			.allSatisfy((expression) -> assertThat(expression.promql()).as(expression.origin())
				.isNotBlank()
				.doesNotContain("$")
				.doesNotContain("[["));
		assertThat(dashboard).extracting(Expression::promql)
			.contains("rate(runtime_memory_allocated_bytes_total{job=\"runtime-monitor\", instance=~\".*\"}[1m])");
	}

	private static int count(String regex, String text) {
		return (int) Pattern.compile(regex, Pattern.MULTILINE).matcher(text).results().count();
	}

}
