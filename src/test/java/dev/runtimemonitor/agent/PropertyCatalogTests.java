package dev.runtimemonitor.agent;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import dev.runtimemonitor.agent.PropertyCatalog.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The agent's catalog is the library's metadata: every property under the prefix, each
 * found under every form of its name, no two under the same.
 */
class PropertyCatalogTests {

	private static final PropertyCatalog catalog = PropertyCatalog
		.read(PropertyCatalogTests.class.getResource("/META-INF/spring-configuration-metadata.json"));

	@Test
	void holdsTheRuntimeMonitorPropertiesWithTheirTypesAndDefaults() {
		assertThat(catalog.properties()).extracting(Property::name)
			.allMatch((name) -> name.startsWith("runtime-monitor."));
		assertThat(catalog.get("interval"))
			.isEqualTo(new Property("runtime-monitor.interval", "java.time.Duration", "5s"));
		assertThat(catalog.get("checks.heap-used.critical").defaultValue()).isEqualTo("4GB");
		assertThat(catalog.get("checks.deadlock.warning").defaultValue()).isNull();
		assertThat(catalog.get("history-size").defaultValue()).isEqualTo("720");
	}

	@Test
	void readsEachKindOfDefaultAsTextAsJacksonsTreeDid(@TempDir Path dir) throws IOException {
		PropertyCatalog read = PropertyCatalog.read(metadata(dir, """
				{"groups": [{"name": "runtime-monitor", "type": "X"}],
				 "properties": [
				  {"name": "runtime-monitor.a", "type": "java.lang.Integer", "defaultValue": 720},
				  {"name": "runtime-monitor.b", "type": "java.lang.Double", "defaultValue": 1e3},
				  {"name": "runtime-monitor.c", "type": "java.lang.Boolean", "defaultValue": false,
				   "deprecation": {"level": "warning", "reason": "none"}},
				  {"name": "runtime-monitor.d", "type": "java.lang.String", "defaultValue": null},
				  {"name": "runtime-monitor.e", "type": "java.lang.String"},
				  {"name": "other.f", "type": "java.lang.String", "defaultValue": "x"}],
				 "hints": [{"name": "runtime-monitor.a", "values": [{"value": 1}]}]}
				"""));
		assertThat(read.properties()).containsExactly(new Property("runtime-monitor.a", "java.lang.Integer", "720"),
				new Property("runtime-monitor.b", "java.lang.Double", "1000.0"),
				new Property("runtime-monitor.c", "java.lang.Boolean", "false"),
				new Property("runtime-monitor.d", "java.lang.String", null),
				new Property("runtime-monitor.e", "java.lang.String", null));
	}

	@Test
	void refusesADefaultThatIsNotOneValue(@TempDir Path dir) throws IOException {
		URL metadata = metadata(dir, """
				{"properties": [{"name": "runtime-monitor.a", "type": "java.util.List", "defaultValue": ["x"]}]}
				""");
		assertThatIllegalStateException().isThrownBy(() -> PropertyCatalog.read(metadata))
			.withMessageContaining("has a default that is not one value");
	}

	private static URL metadata(Path dir, String json) throws IOException {
		return Files.writeString(dir.resolve("metadata.json"), json).toUri().toURL();
	}

	@Test
	void findsEveryPropertyUnderEachFormOfItsName() {
		for (Property property : catalog.properties()) {
			String name = property.name();
			assertThat(catalog.find(name)).as(name).isEqualTo(property);
			assertThat(catalog.find(camelCase(name))).as(name).isEqualTo(property);
			assertThat(catalog.find(name.replace('-', '_'))).as(name).isEqualTo(property);
			String variable = name.toUpperCase(Locale.ROOT).replace('.', '_');
			assertThat(catalog.findVariable(variable.replace("-", ""))).as(name).isEqualTo(property);
			assertThat(catalog.findVariable(variable.replace('-', '_'))).as(name).isEqualTo(property);
		}
	}

	@Test
	void noTwoPropertiesShareAVariable() {
		Set<Property> found = new HashSet<>();
		for (Property property : catalog.properties()) {
			found
				.add(catalog.findVariable(property.name().toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "")));
		}
		assertThat(found).hasSameSizeAs(catalog.properties());
	}

	@Test
	void findsNothingUnderAnotherName() {
		assertThat(catalog.find("runtime-monitor.intervall")).isNull();
		assertThat(catalog.find("interval")).isNull();
		assertThat(catalog.find("management.endpoint.runtime.access")).isNull();
		assertThat(catalog.findVariable("PATH")).isNull();
		assertThat(catalog.findVariable("RUNTIME_MONITOR_CHECKS_THREADGROWTH_WARNING")).isNull();
	}

	private static String camelCase(String name) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
