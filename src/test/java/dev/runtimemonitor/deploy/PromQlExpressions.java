package dev.runtimemonitor.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression the project ships: the alerting and recording rules of
 * {@code prometheus-rules.yml} and the panel queries of the Grafana dashboard, the
 * dashboard's template variables ({@code $job}, {@code ${instance}},
 * {@code [[instance]]}) replaced by given values. Tests evaluate them against a real
 * Prometheus, or check their syntax with promtool.
 */
public final class PromQlExpressions {

	/** The alert rules, at the top of the repository. */
	public static final Path RULES = HelmChart.DIRECTORY.resolve("files/prometheus-rules.yml");

	/** The Grafana dashboard. */
	public static final Path DASHBOARD = HelmChart.DIRECTORY.resolve("files/runtime-monitor-dashboard.json");

	/**
	 * Values for the dashboard's variables that select every instance of the job the
	 * rules expect.
	 */
	public static final Map<String, String> DEFAULT_VARIABLES = Map.of("job", "runtime-monitor", "instance", ".*");

	/** {@code ${name}}, {@code ${name:format}}, {@code [[name]]} or {@code $name}. */
	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^]]*)?]]|\\$(\\w+)");

	private static final JsonMapper json = JsonMapper.builder().build();

	private PromQlExpressions() {
	}

	/**
	 * The expressions of the shipped rules and dashboard, the dashboard's variables set
	 * to {@link #DEFAULT_VARIABLES}.
	 * @return the rules' expressions, then the dashboard's
	 */
	public static List<Expression> all() {
		List<Expression> all = new ArrayList<>(fromRules(RULES));
		all.addAll(fromDashboard(DASHBOARD, DEFAULT_VARIABLES));
		return all;
	}

	/**
	 * The expression of every rule in a Prometheus rule file.
	 * @param rulesFile the rule file
	 * @return one expression per rule, named {@code alert NAME (severity)} or
	 * {@code record NAME}
	 */
	public static List<Expression> fromRules(Path rulesFile) {
		List<Expression> expressions = new ArrayList<>();
		for (Object group : Yamls.list(Yamls.load(rulesFile), "groups")) {
			for (Object item : Yamls.list(Yamls.asMap(group), "rules")) {
				Map<String, Object> rule = Yamls.asMap(item);
				String origin = (rule.get("alert") != null)
						? "alert " + rule.get("alert") + " (" + Yamls.get(rule, "labels.severity") + ")"
						: "record " + rule.get("record");
				expressions.add(new Expression(origin, String.valueOf(rule.get("expr")).strip()));
			}
		}
		return expressions;
	}

	/**
	 * The query of every panel target in a Grafana dashboard, rows' nested panels
	 * included, with its template variables replaced.
	 * @param dashboardFile the dashboard's JSON
	 * @param variables the value of each variable the queries use
	 * @return one expression per target, named {@code panel "TITLE" query REF}
	 * @throws IllegalArgumentException when a query uses a variable without a value
	 */
	public static List<Expression> fromDashboard(Path dashboardFile, Map<String, String> variables) {
		Map<String, Object> dashboard = Yamls.asMap(json.readValue(dashboardFile.toFile(), Map.class));
		List<Expression> expressions = new ArrayList<>();
		collectPanels(dashboard, variables, expressions);
		return expressions;
	}

	private static void collectPanels(Map<String, Object> parent, Map<String, String> variables,
			List<Expression> expressions) {
		if (!(parent.get("panels") instanceof List<?> panels)) {
			return;
		}
		for (Object item : panels) {
			Map<String, Object> panel = Yamls.asMap(item);
			if (panel.get("targets") instanceof List<?> targets) {
				for (Object target : targets) {
					Map<String, Object> query = Yamls.asMap(target);
					if (query.get("expr") instanceof String expr && !expr.isBlank()) {
						String origin = "panel \"" + panel.get("title") + "\" query " + query.get("refId");
						expressions.add(new Expression(origin, substitute(expr, variables, origin)));
					}
				}
			}
			collectPanels(panel, variables, expressions);
		}
	}

	/**
	 * Replace a query's template variables.
	 * @param expr the query as the dashboard has it
	 * @param variables the value of each variable
	 * @param origin where the query is, for the error message
	 * @return the query with every variable replaced
	 */
	static String substitute(String expr, Map<String, String> variables, String origin) {
		Matcher matcher = VARIABLE.matcher(expr);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = (matcher.group(1) != null) ? matcher.group(1)
					: (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
			String value = variables.get(name);
			if (value == null) {
				throw new IllegalArgumentException(
						origin + " uses the variable $" + name + ", which has no value: " + expr);
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * A PromQL expression and where it comes from.
	 *
	 * @param origin the rule or panel it belongs to, for messages
	 * @param promql the expression, ready to evaluate
	 */
	public record Expression(String origin, String promql) {

	}

}
