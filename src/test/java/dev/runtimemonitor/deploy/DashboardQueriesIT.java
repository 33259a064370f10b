package dev.runtimemonitor.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.deploy.PromQlExpressions.Expression;
import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.Prometheus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scrapes the running service under the job name the rules expect, with
 * the shipped rules loaded: every alert expression and every dashboard query parses and
 * evaluates, every rule evaluates without error, and every dashboard panel query returns
 * data. ZGC runs the service so that both pauses and concurrent cycles have data; the
 * demo churn makes the collector work.
 */
class DashboardQueriesIT {

	private static final Duration SCRAPED = Duration.ofSeconds(60);

	@Test
	void everyDashboardQueryAndAlertExpressionEvaluatesAgainstTheService() throws Exception {
		try (AppProcess app = AppProcess.start(List.of("-XX:+UseZGC", "-Xmx256m"), List
			.of("--spring.profiles.active=demo", "--runtime-monitor.interval=1s", "--runtime-monitor.window=20s"))) {
			int port = app.awaitPort(Duration.ofSeconds(60));
			assertThat(Http.post(port, "/demo/garbage?megabytesPerSecond=100&seconds=60").statusCode()).isEqualTo(202);
			try (Prometheus prometheus = Prometheus.builder()
				.scrape("runtime-monitor", "127.0.0.1:" + port, "/metrics")
				.ruleFile(PromQlExpressions.RULES.toAbsolutePath())
				.start()) {
				prometheus.awaitTargetUp("runtime-monitor", SCRAPED);
				List<Expression> rules = PromQlExpressions.fromRules(PromQlExpressions.RULES);
				List<Expression> panels = PromQlExpressions.fromDashboard(PromQlExpressions.DASHBOARD,
						PromQlExpressions.DEFAULT_VARIABLES);
				assertThat(rules).isNotEmpty();
				assertThat(panels).isNotEmpty();
				// Prometheus refuses an expression it cannot parse or evaluate, and the
				// query then throws: the claim is that none throws, named by its rule
				for (Expression rule : rules) {
					assertThatCode(() -> prometheus.query(rule.promql())).as(rule.origin()).doesNotThrowAnyException();
				}
				await().atMost(SCRAPED)
					.pollInterval(Duration.ofSeconds(2))
					.untilAsserted(() -> assertThat(emptyPanels(prometheus, panels)).isEmpty());
				await().atMost(SCRAPED)
					.pollInterval(Duration.ofSeconds(2))
					.untilAsserted(() -> assertThat(ruleProblems(prometheus, rules.size())).isEmpty());
			}
		}
	}

	private static List<String> emptyPanels(Prometheus prometheus, List<Expression> panels) {
		List<String> empty = new ArrayList<>();
		for (Expression panel : panels) {
			JsonNode result = prometheus.query(panel.promql());
			if (result.isEmpty()) {
				empty.add(panel.origin() + ": " + panel.promql());
			}
		}
		return empty;
	}

	private static List<String> ruleProblems(Prometheus prometheus, int expected) {
		List<String> problems = new ArrayList<>();
		int evaluated = 0;
		for (JsonNode group : prometheus.api("/api/v1/rules").get("data").get("groups")) {
			for (JsonNode rule : group.get("rules")) {
				if (!rule.path("lastEvaluation").asString().startsWith("20")) {
					problems.add(rule.get("name").asString() + " not evaluated yet");
				}
				else if (!"ok".equals(rule.path("health").asString())) {
					problems.add(rule.get("name").asString() + ": " + rule.path("lastError").asString());
				}
				evaluated++;
			}
		}
		if (evaluated != expected) {
			problems.add(evaluated + " rules loaded, " + expected + " in the file");
		}
		return problems;
	}

}
