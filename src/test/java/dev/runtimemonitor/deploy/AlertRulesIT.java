package dev.runtimemonitor.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.deploy.PromQlExpressions.Expression;
import dev.runtimemonitor.testsupport.ExternalTool;
import dev.runtimemonitor.testsupport.ExternalTool.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * promtool, the rule checker and unit-test runner of Prometheus itself, on the shipped
 * rules, their unit tests (src/test/resources/prometheus/alerts-tests.yml) and the
 * dashboard's queries. Skipped without promtool ({@code apt-get install prometheus}),
 * except in CI.
 */
class AlertRulesIT {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static ExternalTool promtool;

	@TempDir
	Path directory;

	@BeforeAll
	static void promtool() {
		promtool = ExternalTool.require("promtool", "apt-get install prometheus");
	}

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		int rules = PromQlExpressions.fromRules(PromQlExpressions.RULES).size();
		Result result = promtool.run(PROJECT, TIMEOUT, "check", "rules", PromQlExpressions.RULES.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + rules + " rules found");
	}

	@Test
	void theAlertsPassTheirUnitTests() throws Exception {
		Result result = promtool.run(PROJECT, TIMEOUT, "test", "rules", AlertRulesTests.UNIT_TESTS.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void aWrongExpectationFailsTheUnitTests() throws Exception {
		// The deadlock alert waits 1m: expecting it at once must fail, or the tests prove
		// nothing.
		Path tests = Files.writeString(this.directory.resolve("wrong-tests.yml"),
				"""
						rule_files:
						  - %s
						evaluation_interval: 1m
						tests:
						  - interval: 1m
						    input_series:
						      - series: 'runtime_check_value{check="deadlock", job="runtime-monitor", instance="a"}'
						        values: '2x5'
						      - series: 'runtime_check_threshold{check="deadlock", level="critical", job="runtime-monitor", instance="a"}'
						        values: '1x5'
						    alert_rule_test:
						      - eval_time: 0m
						        alertname: RuntimeDeadlock
						        exp_alerts:
						          - exp_labels: {severity: critical, check: deadlock, job: runtime-monitor, instance: a}
						"""
					.formatted(PROJECT.resolve(PromQlExpressions.RULES)));
		Result result = promtool.run(PROJECT, TIMEOUT, "test", "rules", tests.toString());
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("FAILED", "RuntimeDeadlock");
	}

	@Test
	void everyDashboardQueryIsValidPromQl() throws Exception {
		List<Map<String, Object>> rules = new ArrayList<>();
		List<Expression> queries = PromQlExpressions.fromDashboard(PromQlExpressions.DASHBOARD,
				PromQlExpressions.DEFAULT_VARIABLES);
		for (int i = 0; i < queries.size(); i++) {
			Map<String, Object> rule = new LinkedHashMap<>();
			rule.put("record", "dashboard:query_" + i);
			rule.put("expr", queries.get(i).promql());
			rules.add(rule);
		}
		Path file = this.directory.resolve("dashboard-queries.yml");
		Files.writeString(file,
				new Yaml().dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
		Result result = promtool.run(PROJECT, TIMEOUT, "check", "rules", file.toString());
		assertThat(result.exitCode()).as("%s\n%s", result.output(), queries).isZero();
		assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
	}

}
