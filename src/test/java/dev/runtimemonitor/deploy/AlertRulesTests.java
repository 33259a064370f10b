package dev.runtimemonitor.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.evaluation.Check;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of every alert: a wait, a severity, annotations that say what happened and
 * where the runbook is, thresholds taken from the service, and unit tests in
 * alerts-tests.yml that show it both firing and quiet. promtool runs those tests in
 * {@link AlertRulesIT}.
 */
class AlertRulesTests {

	static final Path UNIT_TESTS = Path.of("src", "test", "resources", "prometheus", "alerts-tests.yml");

	/** Where the alerts are listed, each with its runbook section. */
	private static final Path OPERATIONS = Path.of("docs", "operations.md");

	private static final Pattern CHECK_SELECTOR = Pattern.compile("check=~?\"([^\"]+)\"");

	@Test
	void everyAlertWaitsHasASeverityAndSaysWhatToDo() {
		assertThat(alerts()).isNotEmpty().allSatisfy((alert) -> {
			String name = (String) alert.get("alert");
			assertThat(alert.get("for")).as(name).asString().matches("\\d+[smh]");
			assertThat(Yamls.map(alert, "labels")).as(name).containsOnlyKeys("severity");
			assertThat(Yamls.get(alert, "labels.severity")).as(name).isIn("warning", "critical");
			Map<String, Object> annotations = Yamls.map(alert, "annotations");
			assertThat(annotations).as(name).containsOnlyKeys("summary", "description", "runbook_url");
			assertThat(annotations.values()).as(name).allSatisfy((text) -> assertThat(text).asString().isNotBlank());
			assertThat(annotations).as(name).containsEntry("runbook_url", "docs/operations.md#" + name.toLowerCase());
		});
	}

	@Test
	void alertsOnChecksJudgeAgainstTheServicesOwnThresholdsAtTheirSeverity() {
		List<Map<String, Object>> onChecks = alerts().stream()
			.filter((alert) -> expr(alert).contains("runtime_check_value"))
			.toList();
		assertThat(onChecks).hasSizeGreaterThanOrEqualTo(10).allSatisfy((alert) -> {
			String severity = (String) Yamls.get(alert, "labels.severity");
			Matcher check = CHECK_SELECTOR.matcher(expr(alert));
			assertThat(check.find()).isTrue();
			// A check whose lower values are worse (a time left) breaches at or below.
			boolean higherIsWorse = Check.fromId(check.group(1)).map(Check::higherIsWorse).orElse(true);
			assertThat(expr(alert)).as((String) alert.get("alert"))
				.contains((higherIsWorse ? ">=" : "<=") + " ignoring(level) runtime_check_threshold{")
				.contains("level=\"" + severity + "\"");
			assertThat(Yamls.get(alert, "annotations.description")).as((String) alert.get("alert"))
				.asString()
				.contains("{{ $value");
		});
	}

	@Test
	void alertsNameOnlyChecksTheServiceHas() {
		assertThat(checksNamedByAlerts()).isNotEmpty()
			.isSubsetOf(Arrays.stream(Check.values()).map(Check::id).toList());
	}

	@Test
	void everyCheckHasAnAlertButTheOnesLeftWithoutOnPurpose() {
		Set<String> named = checksNamedByAlerts();
		// heap-used is off by default, since the heap check judges pressure better, and
		// the rules ship no alert for it. Any other check without an alert fails here.
		Set<Check> withoutAlert = Set.of(Check.HEAP_USED);
		for (Check check : Check.values()) {
			assertThat(named.contains(check.id())).as("an alert on " + check.id())
				.isEqualTo(!withoutAlert.contains(check));
		}
	}

	@Test
	void everyAlertIsUnitTestedFiringAtEachSeverityAndStayingQuiet() {
		Set<String> quiet = new HashSet<>();
		Set<String> firing = new HashSet<>();
		for (Object test : Yamls.list(Yamls.load(UNIT_TESTS), "tests")) {
			for (Object item : Yamls.list(Yamls.asMap(test), "alert_rule_test")) {
				Map<String, Object> expectation = Yamls.asMap(item);
				List<Object> expected = Yamls.list(expectation, "exp_alerts");
				if (expected.isEmpty()) {
					quiet.add((String) expectation.get("alertname"));
				}
				for (Object alert : expected) {
					firing
						.add(expectation.get("alertname") + "/" + Yamls.get(Yamls.asMap(alert), "exp_labels.severity"));
				}
			}
		}
		for (Map<String, Object> alert : alerts()) {
			String name = (String) alert.get("alert");
			assertThat(quiet).as("a test where %s stays quiet", name).contains(name);
			assertThat(firing).as("a test where %s fires", name)
				.contains(name + "/" + Yamls.get(alert, "labels.severity"));
		}
	}

	@Test
	void theOperationsGuideListsEveryAlertWithARunbookSection() {
		String operations = Yamls.read(OPERATIONS);
		assertThat(operations).contains("\n## Alerts\n", "\n## Runbook\n");
		String alertsTable = operations.substring(operations.indexOf("\n## Alerts\n"),
				operations.indexOf("\n## Runbook\n"));
		String runbook = operations.substring(operations.indexOf("\n## Runbook\n"));
		for (Map<String, Object> alert : alerts()) {
			String name = (String) alert.get("alert");
			assertThat(alertsTable).as("the Alerts table")
				.contains("| `" + name + "` | " + Yamls.get(alert, "labels.severity") + " |");
			assertThat(runbook).as("the runbook").contains("\n### " + name + "\n");
		}
	}

	static List<Map<String, Object>> alerts() {
		return Yamls.list(Yamls.load(PromQlExpressions.RULES), "groups")
			.stream()
			.flatMap((group) -> Yamls.list(Yamls.asMap(group), "rules").stream())
			.map(Yamls::asMap)
			.filter((rule) -> rule.containsKey("alert"))
			.toList();
	}

	private static Set<String> checksNamedByAlerts() {
		Set<String> named = new HashSet<>();
		for (Map<String, Object> alert : alerts()) {
			Matcher matcher = CHECK_SELECTOR.matcher(expr(alert));
			while (matcher.find()) {
				named.addAll(List.of(matcher.group(1).split("\\|")));
			}
		}
		return named;
	}

	private static String expr(Map<String, Object> alert) {
		return String.valueOf(alert.get("expr"));
	}

}
