package dev.runtimemonitor.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import dev.runtimemonitor.agent.PropertyCatalog.Property;
import org.jspecify.annotations.Nullable;

/**
 * The text of every {@code runtime-monitor.*} property, from where Spring Boot would read
 * it, the first found winning as in Spring Boot: a system property
 * ({@code -Druntime-monitor.interval=10s}), an environment variable
 * ({@code RUNTIME_MONITOR_INTERVAL=10s}), the agent's properties file, the default. Each
 * value knows where it came from, for the messages. A key in the file that is no
 * property stops the agent; system properties and environment variables that are none
 * are left alone, as Spring Boot leaves them.
 */
final class PropertyValues {

	/** Where a value no source set comes from. */
	private static final String DEFAULT = "default";

	private final Map<String, Value> byName;

	private PropertyValues(Map<String, Value> byName) {
		this.byName = byName;
	}

	/**
	 * Find every property's text.
	 * @param catalog the properties
	 * @param file the agent's properties file, {@code null} for none
	 * @param environment the environment variables
	 * @param systemProperties the system properties
	 * @return the values
	 * @throws AgentStartException when the file cannot be read or has a key that is no
	 * property
	 */
	static PropertyValues find(PropertyCatalog catalog, @Nullable Path file, Map<String, String> environment,
			Properties systemProperties) {
		Map<String, Value> byName = new LinkedHashMap<>();
		for (Property property : catalog.properties()) {
			byName.put(property.name(), new Value(property, property.defaultValue(), DEFAULT));
		}
		if (file != null) {
			List<String> unknown = new ArrayList<>();
			Properties properties = load(file);
			for (String key : new TreeSet<>(properties.stringPropertyNames())) {
				Property property = catalog.find(key);
				if (property == null) {
					unknown.add(key);
				}
				else {
					String origin = "file " + file + (key.equals(property.name()) ? "" : ", as " + key);
					byName.put(property.name(), new Value(property, properties.getProperty(key), origin));
				}
			}
			if (!unknown.isEmpty()) {
				throw new AgentStartException("the file " + file + " sets what is no property of the runtime monitor: "
						+ String.join(", ", unknown) + " (the properties are listed in docs/configuration.md)");
			}
		}
		environment.forEach((variable, text) -> {
			Property property = catalog.findVariable(variable);
			if (property != null) {
				byName.put(property.name(), new Value(property, text, "environment variable " + variable));
			}
		});
		for (String key : systemProperties.stringPropertyNames()) {
			Property property = catalog.find(key);
			if (property != null) {
				byName.put(property.name(),
						new Value(property, systemProperties.getProperty(key), "system property " + key));
			}
		}
		return new PropertyValues(byName);
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return properties;
		}
		catch (IOException ex) {
			throw new AgentStartException("cannot read the file " + file + ": "
					+ ((ex instanceof NoSuchFileException) ? "there is no such file" : ex.toString()));
		}
	}

	/**
	 * A property's value.
	 * @param property the property
	 * @return its text and where it came from
	 */
	Value get(Property property) {
		return this.byName.get(property.name());
	}

	/**
	 * The text of one property and where it came from.
	 *
	 * @param property the property
	 * @param text the text, {@code null} when it has neither a value nor a default
	 * @param origin where the text came from: a system property, an environment variable,
	 * the file, or the default
	 */
	record Value(Property property, @Nullable String text, String origin) {

		/**
		 * Whether no source set the value.
		 * @return {@code true} for the default
		 */
		boolean isDefault() {
			return DEFAULT.equals(this.origin);
		}

		/**
		 * The value as messages show it.
		 * @return for example
		 * {@code runtime-monitor.interval=0s (environment variable RUNTIME_MONITOR_INTERVAL)}
		 */
		String describe() {
			return this.property.name() + "=" + ((this.text != null) ? this.text : "") + " (" + this.origin + ")";
		}

	}

}
