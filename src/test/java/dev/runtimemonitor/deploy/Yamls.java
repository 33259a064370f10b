package dev.runtimemonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reading YAML files and walking the plain maps and lists SnakeYAML gives.
 */
final class Yamls {

	private Yamls() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> load(Path file) {
		return parse(read(file));
	}

	static Map<String, Object> parse(String yaml) {
		return asMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
	}

	/**
	 * The value at a dotted path.
	 * @param root where to start
	 * @param path keys separated by dots, such as {@code spec.selector}
	 * @return the value, or {@code null} when a key is missing
	 */
	static Object get(Map<String, Object> root, String path) {
		Object node = root;
		for (String key : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(key);
		}
		return node;
	}

	static Map<String, Object> map(Map<String, Object> root, String path) {
		return asMap(get(root, path));
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> root, String path) {
		Object value = get(root, path);
		if (!(value instanceof List<?>)) {
			throw new IllegalStateException("No list at " + path + ": " + value);
		}
		return (List<Object>) value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		if (!(value instanceof Map<?, ?>)) {
			throw new IllegalStateException("Not a map: " + value);
		}
		return (Map<String, Object>) value;
	}

}
