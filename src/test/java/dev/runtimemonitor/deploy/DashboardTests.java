package dev.runtimemonitor.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.evaluation.Check;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard: portable across Grafanas (its data source is a variable),
 * filtered by job and instance everywhere, showing what an on-call engineer looks for
 * first, and naming only checks the service has.
 */
class DashboardTests {

	private static final Pattern CHECK_SELECTOR = Pattern.compile("check=~?\"([^\"]+)\"");

	private static final Map<String, Object> dashboard = Yamls
		.asMap(JsonMapper.builder().build().readValue(PromQlExpressions.DASHBOARD.toFile(), Map.class));

	@Test
	void everyPanelQueriesTheDataSourceVariable() {
		assertThat(panels()).filteredOn((panel) -> !"row".equals(panel.get("type")))
			.isNotEmpty()
			.allSatisfy((panel) -> {
				assertThat(Yamls.get(panel, "datasource.uid")).as("%s", panel.get("title")).isEqualTo("${datasource}");
				for (Object target : targets(panel)) {
					assertThat(Yamls.get(Yamls.asMap(target), "datasource.uid")).isEqualTo("${datasource}");
				}
			});
	}

	@Test
	void theVariablesAreDataSourceJobAndInstance() {
		List<Object> variables = Yamls.list(dashboard, "templating.list");
		assertThat(variables).extracting((variable) -> Yamls.asMap(variable).get("name"))
			.containsExactly("datasource", "job", "instance");
		Map<String, Object> datasource = Yamls.asMap(variables.get(0));
		assertThat(datasource).containsEntry("type", "datasource").containsEntry("query", "prometheus");
		Map<String, Object> instance = Yamls.asMap(variables.get(2));
		assertThat(instance).containsEntry("multi", true)
			.containsEntry("includeAll", true)
			.containsEntry("allValue", ".*");
		assertThat(Yamls.get(instance, "query.query")).asString().contains("job=\"$job\"");
	}

	@Test
	void everyQuerySelectsTheChosenJobAndInstances() {
		assertThat(PromQlExpressions.fromDashboard(PromQlExpressions.DASHBOARD, Map.of("job", "J", "instance", "I")))
			.allSatisfy((expression) -> assertThat(expression.promql()).as(expression.origin())
				.contains("job=\"J\", instance=~\"I\""));
	}

	@Test
	void itShowsThreadsHeapGcContainerMemoryChecksAndSampling() {
		String queries = String.join("\n",
				PromQlExpressions.fromDashboard(PromQlExpressions.DASHBOARD, PromQlExpressions.DEFAULT_VARIABLES)
					.stream()
					.map(PromQlExpressions.Expression::promql)
					.toList());
		String selector = "{job=\"runtime-monitor\", instance=~\".*\"}";
		assertThat(queries).contains("jvm_threads_live_threads" + selector,
				"jvm_memory_used_bytes{area=\"heap\", job=\"runtime-monitor\", instance=~\".*\"}",
				"jvm_memory_committed_bytes{area=\"heap\"", "jvm_memory_max_bytes{area=\"heap\"",
				"runtime_memory_heap_after_gc_bytes" + selector,
				"histogram_quantile(0.99, sum by (le) (rate(runtime_gc_pause_seconds_bucket" + selector + "[5m])))",
				"histogram_quantile(0.5, sum by (le)", "histogram_quantile(0.9, sum by (le)",
				"runtime_check_value{check=\"gc-overhead\"", "rate(jvm_gc_pause_seconds_sum",
				"rate(runtime_memory_allocated_bytes_total" + selector + "[1m])",
				"runtime_container_memory_usage_bytes" + selector, "runtime_container_memory_limit_bytes" + selector,
				"runtime_process_resident_memory_bytes" + selector, "runtime_check_level" + selector,
				"runtime_sample_duration_seconds_sum", "runtime_sample_duration_seconds_max");
	}

	@Test
	void itNamesOnlyChecksTheServiceHas() {
		Set<String> named = new HashSet<>();
		for (PromQlExpressions.Expression expression : PromQlExpressions.fromDashboard(PromQlExpressions.DASHBOARD,
				PromQlExpressions.DEFAULT_VARIABLES)) {
			Matcher matcher = CHECK_SELECTOR.matcher(expression.promql());
			while (matcher.find()) {
				named.addAll(List.of(matcher.group(1).split("\\|")));
			}
		}
		assertThat(named).isNotEmpty().isSubsetOf(Arrays.stream(Check.values()).map(Check::id).toList());
	}

	@Test
	void panelsHaveUniqueIdsAndFitTheGrid() {
		Set<Object> ids = new HashSet<>();
		assertThat(panels()).allSatisfy((panel) -> {
			assertThat(ids.add(panel.get("id"))).as("id %s is unique", panel.get("id")).isTrue();
			int x = ((Number) Yamls.get(panel, "gridPos.x")).intValue();
			int w = ((Number) Yamls.get(panel, "gridPos.w")).intValue();
			assertThat(x + w).as("%s fits in 24 columns", panel.get("title")).isLessThanOrEqualTo(24);
		});
		assertThat(dashboard).containsEntry("uid", "runtime-monitor");
	}

	private static List<Map<String, Object>> panels() {
		List<Map<String, Object>> panels = new ArrayList<>();
		for (Object panel : Yamls.list(dashboard, "panels")) {
			panels.add(Yamls.asMap(panel));
		}
		return panels;
	}

	private static List<Object> targets(Map<String, Object> panel) {
		Object targets = panel.get("targets");
		return (targets instanceof List<?> list) ? new ArrayList<>(list) : List.of();
	}

}
