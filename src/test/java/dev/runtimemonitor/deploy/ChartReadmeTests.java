package dev.runtimemonitor.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.autoconfigure.RuntimeMonitorProperties;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static dev.runtimemonitor.testsupport.DocumentedChecks.checksNamedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's README documents every value the schema knows, with the default values.yaml
 * really has, and nothing that no longer exists; every check with the kind of its
 * thresholds; and the checks each probe carries by default.
 */
class ChartReadmeTests {

	private static final Path README = HelmChart.DIRECTORY.resolve("README.md");

	private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\| `(.*)` \\| (.+) \\|$",
			Pattern.MULTILINE);

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyValueIsDocumentedWithItsDefault() {
		Map<String, String> documented = new LinkedHashMap<>();
		Matcher row = ROW.matcher(Yamls.read(README));
		while (row.find()) {
			documented.put(row.group(1), row.group(3));
			assertThat(row.group(4)).as(row.group(1)).isNotBlank();
		}
		Map<String, String> expected = new LinkedHashMap<>();
		Map<String, Object> schema = Yamls.load(HelmChart.DIRECTORY.resolve("values.schema.json"));
		collect(schema, schema, "", Yamls.load(HelmChart.DIRECTORY.resolve("values.yaml")), expected);
		assertThat(documented).containsExactlyInAnyOrderEntriesOf(expected);
	}

	/**
	 * A check added to a row of the thresholds table whose thresholds are of another kind
	 * is caught here: every check of a row has the same kind in the schema, and the same
	 * direction (a time left is judged at or below).
	 */
	@Test
	void everyCheckIsListedOnceWithTheTypeOfItsThresholds() {
		String readme = Yamls.read(README);
		String table = readme.substring(readme.indexOf("| check | thresholds | example |"));
		table = table.substring(0, table.indexOf("\n\n"));
		Map<String, String> kinds = HelmChart.schemaChecks();
		List<String> listed = new ArrayList<>();
		for (String row : table.lines().skip(2).toList()) {
			List<Check> checks = checksNamedIn(row.substring(0, row.indexOf(" | ")));
			assertThat(checks).as(row).isNotEmpty();
			assertThat(checks).as(row)
				.extracting((check) -> thresholdKind(kinds, check))
				.containsOnly(thresholdKind(kinds, checks.get(0)));
			checks.forEach((check) -> listed.add(check.id()));
		}
		assertThat(listed).containsExactlyInAnyOrderElementsOf(kinds.keySet());
	}

	/**
	 * The probes table names, for liveness and readiness, the checks that feed the probe
	 * by default.
	 */
	@ParameterizedTest
	@EnumSource(value = Probe.class, names = { "LIVENESS", "READINESS" })
	void theProbesTableNamesTheChecksThatFeedEachProbe(Probe probe) {
		String name = probe.name().toLowerCase(Locale.ROOT);
		Matcher row = Pattern.compile("^\\| " + name + " \\|.*$", Pattern.MULTILINE).matcher(Yamls.read(README));
		assertThat(row.find()).as(name).isTrue();
		RuntimeMonitorProperties defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("runtime-monitor", RuntimeMonitorProperties.class);
		List<Check> feeding = defaults.checks()
			.byCheck()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().probe() == probe)
			.map(Map.Entry::getKey)
			.toList();
		assertThat(checksNamedIn(row.group())).as(name).containsExactlyInAnyOrderElementsOf(feeding);
	}

	private static String thresholdKind(Map<String, String> kinds, Check check) {
		return kinds.get(check.id()) + (check.higherIsWorse() ? "" : ", lower is worse");
	}

	/**
	 * The documented keys under a schema node, with their defaults as compact JSON. The
	 * checks share one set of rows, {@code runtimeMonitor.checks.<check>.*}.
	 */
	private static void collect(Map<String, Object> root, Map<String, Object> node, String path, Object defaults,
			Map<String, String> rows) {
		Map<String, Object> schema = resolve(root, node);
		Object properties = schema.get("properties");
		if (path.equals("runtimeMonitor.checks")) {
			Map<String, Object> check = resolve(root, Yamls.map(schema, "properties.threads"));
			Map<String, Object> threads = Yamls.asMap(Yamls.asMap(defaults).get("threads"));
			Yamls.asMap(check.get("properties"))
				.keySet()
				.forEach((key) -> rows.put(path + ".<check>." + key, compact(threads.get(key))));
		}
		else if (properties instanceof Map<?, ?>) {
			Yamls.asMap(properties).forEach((key, child) -> {
				if (!path.isEmpty() || !key.equals("global")) {
					Object value = (defaults instanceof Map<?, ?> map) ? map.get(key) : null;
					collect(root, Yamls.asMap(child), path.isEmpty() ? key : path + "." + key, value, rows);
				}
			});
		}
		else {
			rows.put(path, compact(defaults));
		}
	}

	private static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
		Object ref = node.get("$ref");
		return (ref != null) ? Yamls.map(root, ((String) ref).substring(2).replace('/', '.')) : node;
	}

	private static String compact(Object value) {
		return json.writeValueAsString(value);
	}

}
