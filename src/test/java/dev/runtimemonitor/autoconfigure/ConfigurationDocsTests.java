package dev.runtimemonitor.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.evaluation.Check;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.runtimemonitor.testsupport.DocumentedChecks.checksNamedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation lists every property the library has, as the configuration processor
 * generates it into the metadata, with the default the metadata says: top-level
 * properties in docs/configuration.md, each check's defaults in the checks table of
 * docs/checks-and-meters.md, where the checks are explained. Every check is listed with
 * the type of its thresholds and explained under the probe it feeds by default.
 */
class ConfigurationDocsTests {

	private static final Path CONFIGURATION = Path.of("docs", "configuration.md");

	private static final Path CHECKS = Path.of("docs", "checks-and-meters.md");

	private static final String EACH_CHECK = "<check>";

	/** A table row that starts with a name in backticks: the name, the next cell. */
	private static final Pattern PROPERTY_ROW = Pattern.compile("^\\| `([^`]+)`[^|]* \\| ([^|]+) \\|",
			Pattern.MULTILINE);

	private static final Pattern CHECK_ROW = Pattern
		.compile("^\\| `([a-z-]+)` \\|[^|]+\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|$", Pattern.MULTILINE);

	/**
	 * Each environment variable the docs give as an example sets a property: Spring Boot
	 * binds two forms (dashes dropped, or dashes as underscores), not a mix of them, and
	 * a variable it does not bind is silently ignored.
	 */
	@Test
	void everyEnvironmentVariableTheDocsNameSetsAProperty() throws IOException {
		Matcher variable = Pattern.compile("`(RUNTIME_?MONITOR_[A-Z_]+)(=[^`]*)?`")
			.matcher(Files.readString(CONFIGURATION));
		RuntimeMonitorProperties defaults = bindFromEnvironment(Map.of());
		List<String> variables = new ArrayList<>();
		while (variable.find()) {
			variables.add(variable.group(1));
			assertThat(bindFromEnvironment(Map.of(variable.group(1), "7"))).as(variable.group(1))
				.isNotEqualTo(defaults);
		}
		assertThat(variables).as("the examples in " + CONFIGURATION).isNotEmpty();
	}

	private static RuntimeMonitorProperties bindFromEnvironment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return Binder.get(environment).bindOrCreate("runtime-monitor", RuntimeMonitorProperties.class);
	}

	@Test
	void everyPropertyOfTheMetadataIsListed() throws IOException {
		Map<String, String> documented = documentedProperties();
		for (JsonNode property : metadata()) {
			String name = property.get("name").asString();
			assertThat(documentedAs(name, documented.keySet())).as(name + " in " + CONFIGURATION).isNotNull();
		}
	}

	@Test
	void everyListedPropertyHasTheDefaultOfTheMetadata() throws IOException {
		Map<String, String> documented = documentedProperties();
		for (JsonNode property : metadata()) {
			String name = property.get("name").asString();
			String row = documentedAs(name, documented.keySet());
			assertThat(row).as(name + " in " + CONFIGURATION).isNotNull();
			String cell = documented.get(row);
			if (row.contains(EACH_CHECK)) {
				assertThat(cell).as(row).isIn("per check", "none");
			}
			else if (property.has("defaultValue")) {
				assertThat(cell).as(name).isEqualTo("`" + property.get("defaultValue").asString() + "`");
			}
		}
	}

	@Test
	void everyCheckIsNamedWithTheTypeOfItsThresholds() throws IOException {
		String configuration = Files.readString(CONFIGURATION);
		String from = configuration.substring(configuration.indexOf("`" + EACH_CHECK + "` is one of"));
		String sentence = from.substring(0, from.indexOf(". "));
		String types = from.substring(from.indexOf("| check | thresholds are |"));
		types = types.substring(0, types.indexOf("\n\n"));
		for (Check check : Check.values()) {
			assertThat(sentence).as(check.id()).contains("`" + check.id() + "`");
			assertThat(types).as(check.id()).contains("`" + check.id() + "`");
		}
	}

	/**
	 * A check added to a row of the thresholds table whose thresholds are of another kind
	 * is caught here: every check of a row has the same unit, and the same direction (a
	 * time left is judged at or below).
	 */
	@Test
	void everyRowOfTheThresholdTypesHasChecksOfOneUnitAndDirection() throws IOException {
		String configuration = Files.readString(CONFIGURATION);
		String types = configuration.substring(configuration.indexOf("| check | thresholds are |"));
		types = types.substring(0, types.indexOf("\n\n"));
		List<Check> listed = new ArrayList<>();
		for (String row : types.lines().skip(2).toList()) {
			List<Check> checks = checksNamedIn(row.substring(0, row.indexOf(" | ")));
			assertThat(checks).as(row).isNotEmpty();
			assertThat(checks).as(row)
				.extracting(ConfigurationDocsTests::thresholdKind)
				.containsOnly(thresholdKind(checks.get(0)));
			listed.addAll(checks);
		}
		assertThat(listed).containsExactlyInAnyOrder(Check.values());
	}

	/**
	 * Every check is explained under the probe it feeds by default, in "Which probe a
	 * check feeds, and why".
	 */
	@Test
	void everyCheckIsExplainedUnderItsDefaultProbe() throws IOException {
		Map<String, JsonNode> metadata = new LinkedHashMap<>();
		metadata().forEach((property) -> metadata.put(property.get("name").asString(), property));
		String page = Files.readString(CHECKS);
		int start = page.indexOf("\n### Which probe a check feeds, and why\n");
		String section = page.substring(start, page.indexOf("\n### ", start + 1));
		for (Check check : Check.values()) {
			String probe = metadata.get("runtime-monitor.checks." + check.id() + ".probe")
				.get("defaultValue")
				.asString();
			String bullet = Arrays.stream(section.split("\n- "))
				.filter((text) -> text.startsWith("**" + probe + "**"))
				.findFirst()
				.orElse("");
			assertThat(bullet).as(check.id() + " under " + probe).contains("`" + check.id() + "`");
		}
	}

	@Test
	void theChecksTableHasEveryCheckWithTheDefaultsOfTheMetadata() throws IOException {
		Map<String, JsonNode> metadata = new LinkedHashMap<>();
		metadata().forEach((property) -> metadata.put(property.get("name").asString(), property));
		Map<String, List<String>> rows = new LinkedHashMap<>();
		String page = Files.readString(CHECKS);
		String table = page.substring(page.indexOf("\n## The checks\n"),
				page.indexOf("\n### ", page.indexOf("\n## The checks\n")));
		Matcher row = CHECK_ROW.matcher(table);
		while (row.find()) {
			rows.put(row.group(1), Arrays.asList(row.group(2).trim(), row.group(3).trim(), row.group(4).trim(),
					row.group(5).trim(), row.group(6).trim()));
		}
		assertThat(rows.keySet()).containsExactly(Arrays.stream(Check.values()).map(Check::id).toArray(String[]::new));
		rows.forEach((check, cells) -> {
			String prefix = "runtime-monitor.checks." + check + ".";
			threshold(check + " warning", metadata.get(prefix + "warning"), cells.get(0));
			threshold(check + " critical", metadata.get(prefix + "critical"), cells.get(1));
			assertThat(cells.get(2)).as(check + " sustain")
				.isEqualTo("`" + metadata.get(prefix + "sustain").get("defaultValue").asString() + "`");
			assertThat(cells.get(3)).as(check + " probe")
				.isEqualTo("`" + metadata.get(prefix + "probe").get("defaultValue").asString() + "`");
			assertThat(cells.get(4)).as(check + " enabled")
				.isEqualTo(metadata.get(prefix + "enabled").get("defaultValue").asBoolean() ? "yes" : "no");
		});
	}

	private static void threshold(String what, JsonNode property, String cell) {
		if (property.has("defaultValue")) {
			assertThat(cell).as(what).isEqualTo("`" + property.get("defaultValue").asString() + "`");
		}
		else {
			assertThat(cell).as(what + ", which has no default").doesNotStartWith("`");
		}
	}

	private static String thresholdKind(Check check) {
		return check.unit() + (check.higherIsWorse() ? "" : ", lower is worse");
	}

	/**
	 * The row that documents a property: its own, or the one of every check.
	 */
	private static String documentedAs(String name, Iterable<String> rows) {
		for (String row : rows) {
			if (row.equals(name)) {
				return row;
			}
			if (row.contains(EACH_CHECK)) {
				for (Check check : Check.values()) {
					if (row.replace(EACH_CHECK, check.id()).equals(name)) {
						return row;
					}
				}
			}
		}
		return null;
	}

	private static Map<String, String> documentedProperties() throws IOException {
		Map<String, String> documented = new LinkedHashMap<>();
		Matcher row = PROPERTY_ROW.matcher(Files.readString(CONFIGURATION));
		while (row.find()) {
			documented.putIfAbsent(row.group(1), row.group(2).trim());
		}
		return documented;
	}

	private static List<JsonNode> metadata() throws IOException {
		try (InputStream metadata = ConfigurationDocsTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			List<JsonNode> properties = new ArrayList<>();
			JsonMapper.builder().build().readTree(metadata).get("properties").forEach(properties::add);
			assertThat(properties).isNotEmpty();
			return properties;
		}
	}

}
