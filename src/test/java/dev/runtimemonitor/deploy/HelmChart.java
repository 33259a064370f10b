package dev.runtimemonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under {@code helm/runtime-monitor}, linted and rendered by a real helm
 * (helm-java embeds it) as {@code helm lint} and {@code helm template} would.
 */
final class HelmChart {

	static final Path DIRECTORY = Path.of("helm", "runtime-monitor");

	static final Path ALL_ON_VALUES = DIRECTORY.resolve("ci/all-on-values.yaml");

	static final String RELEASE = "rm";

	static final String FULLNAME = "rm-runtime-monitor";

	static final String NAMESPACE = "monitoring";

	private HelmChart() {
	}

	/**
	 * The checks the chart's schema knows, each with the kind of its thresholds, taken
	 * from the definition it refers to ({@code #/definitions/check-ratio} is a ratio).
	 * @return the kind of thresholds by check name
	 */
	static Map<String, String> schemaChecks() {
		Map<String, Object> checks = Yamls.map(Yamls.load(DIRECTORY.resolve("values.schema.json")),
				"properties.runtimeMonitor.properties.checks.properties");
		Map<String, String> kinds = new LinkedHashMap<>();
		checks.forEach((check, schema) -> kinds.put(check,
				((String) Yamls.asMap(schema).get("$ref")).replace("#/definitions/check-", "")));
		return kinds;
	}

	static LintResult lintStrict() {
		return new Helm(DIRECTORY).lint().strict().call();
	}

	/**
	 * Render the chart with values over its defaults, passed as a values file (so that
	 * numbers keep their type, which {@code --set} loses for decimals).
	 * @param values values by dotted path, such as {@code image.tag}
	 * @return the rendered YAML
	 * @throws IllegalStateException with helm's message when helm refuses the values
	 */
	static String template(Map<String, ?> values) {
		return withValuesFile(values, (file) -> template(DIRECTORY, file));
	}

	static String template(Path valuesFile) {
		return template(DIRECTORY, valuesFile);
	}

	static Manifests render(Map<String, ?> values) {
		return Manifests.parse(template(values));
	}

	static Manifests render(Path valuesFile) {
		return Manifests.parse(template(valuesFile));
	}

	/**
	 * Render the chart with its hooks (the {@code helm test} pod) among the manifests.
	 * helm-java returns the release manifest only, which leaves hooks out, so this
	 * renders a copy of the chart whose hook annotations are taken away.
	 * @param values values by dotted path
	 * @return the manifests, hooks included
	 */
	static Manifests renderWithHooks(Map<String, ?> values) {
		return Manifests.parse(templateCopy(values, (copy) -> {
			Path tests = copy.resolve("templates/tests/test-health.yaml");
			Files.writeString(tests,
					Files.readAllLines(tests)
						.stream()
						.filter((line) -> !line.contains("helm.sh/hook"))
						.collect(Collectors.joining("\n", "", "\n")));
		}));
	}

	/**
	 * Render the chart's NOTES.txt, which helm-java does not return either: a copy of the
	 * chart defines it as a named template and renders it into a ConfigMap.
	 * @param values values by dotted path
	 * @return the notes as {@code helm install} prints them
	 */
	static String renderNotes(Map<String, ?> values) {
		String yaml = templateCopy(values, (copy) -> {
			Path notes = copy.resolve("templates/NOTES.txt");
			Files.writeString(copy.resolve("templates/_notes.tpl"),
					"{{- define \"notes\" -}}\n" + Files.readString(notes) + "\n{{- end }}\n");
			Files.delete(notes);
			Files.writeString(copy.resolve("templates/notes.yaml"), """
					apiVersion: v1
					kind: ConfigMap
					metadata:
					  name: notes
					data:
					  notes: {{ include "notes" . | quote }}
					""");
		});
		return Manifests.parse(yaml).named(ConfigMap.class, "notes").getData().get("notes");
	}

	private static String templateCopy(Map<String, ?> values, ChartChange change) {
		Path copy = copyChart();
		try {
			change.apply(copy);
			return withValuesFile(values, (file) -> template(copy, file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deleteTree(copy);
		}
	}

	private static String template(Path chart, Path valuesFile) {
		return new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE).withValuesFile(valuesFile).call();
	}

	/**
	 * Nested values from dotted paths: {@code a.b=1} becomes {@code {a: {b: 1}}}.
	 * @param values values by dotted path
	 * @return the nested values
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> nest(Map<String, ?> values) {
		Map<String, Object> root = new LinkedHashMap<>();
		values.forEach((path, value) -> {
			String[] keys = path.split("\\.");
			Map<String, Object> node = root;
			for (int i = 0; i < keys.length - 1; i++) {
				node = (Map<String, Object>) node.computeIfAbsent(keys[i], (key) -> new LinkedHashMap<>());
			}
			node.put(keys[keys.length - 1], value);
		});
		return root;
	}

	private static String withValuesFile(Map<String, ?> values, Function<Path, String> action) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		Path file = null;
		try {
			file = Files.createTempFile("runtime-monitor-values", ".yaml");
			Files.writeString(file, new Yaml(options).dump(nest(values)), StandardCharsets.UTF_8);
			return action.apply(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				deleteTree(file);
			}
		}
	}

	private static Path copyChart() {
		try {
			Path copy = Files.createTempDirectory("runtime-monitor-chart");
			try (Stream<Path> files = Files.walk(DIRECTORY)) {
				for (Path source : files.toList()) {
					Path target = copy.resolve(DIRECTORY.relativize(source).toString());
					if (Files.isDirectory(source)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(source, target);
					}
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A change to a copy of the chart.
	 */
	@FunctionalInterface
	private interface ChartChange {

		void apply(Path chart) throws IOException;

	}

}
