package dev.runtimemonitor.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's README documents every value the schema knows, with the default values.yaml
 * really has, and nothing that no longer exists.
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

	@Test
	void everyCheckIsListedWithTheTypeOfItsThresholds() {
		String readme = Yamls.read(README);
		String checks = readme.substring(readme.indexOf("`<check>` is one of"));
		assertThat(HelmChart.schemaChecks())
			.allSatisfy((check, kind) -> assertThat(checks).contains("`" + check + "`"));
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
