package dev.runtimemonitor.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The library's {@code runtime-monitor.*} properties: each one's name, type and default,
 * as the configuration processor writes them from the properties' source into the
 * metadata when the library is built. The agent reads them from there, so that the
 * properties' source stays the one home of every name and default.
 * <p>
 * A name is found in any of the forms Spring Boot's relaxed binding accepts: in a file or
 * a system property dashed ({@code deadlock-interval}), in camel case
 * ({@code deadlockInterval}) or with underscores; as an environment variable in upper
 * or lower case with underscores for the dots, and the dashes either dropped or
 * underscores too ({@code RUNTIMEMONITOR_DEADLOCKINTERVAL} or
 * {@code RUNTIME_MONITOR_DEADLOCK_INTERVAL}, never a mix of the two, which Spring Boot
 * does not bind either).
 */
final class PropertyCatalog {

	/** Where the agent jar keeps the metadata, apart from where Spring's tools look. */
	static final String AGENT_RESOURCE = "runtime-monitor-properties.json";

	/** The prefix of every property. */
	static final String PREFIX = "runtime-monitor.";

	private final Map<String, Property> byName;

	private final Map<String, Property> byRelaxedName = new LinkedHashMap<>();

	private final Map<String, Property> byEnvironmentName = new LinkedHashMap<>();

	private PropertyCatalog(Map<String, Property> byName) {
		this.byName = Collections.unmodifiableMap(byName);
		for (Property property : byName.values()) {
			this.byRelaxedName.put(relaxed(property.name()), property);
			String variable = property.name().replace('.', '_');
			for (String form : List.of(variable.replace("-", ""), variable.replace('-', '_'))) {
				this.byEnvironmentName.put(form.toUpperCase(Locale.ROOT), property);
				this.byEnvironmentName.put(form, property);
			}
		}
	}

	/**
	 * The catalog of the agent jar.
	 * @return the catalog
	 */
	static PropertyCatalog ofAgent() {
		URL metadata = PropertyCatalog.class.getResource(AGENT_RESOURCE);
		if (metadata == null) {
			throw new AgentStartException("finds no " + AGENT_RESOURCE + " beside its classes: is this the agent jar?");
		}
		return read(metadata);
	}

	/**
	 * Read a catalog from the configuration processor's metadata.
	 * @param metadata where the metadata is
	 * @return the {@code runtime-monitor.*} properties it lists
	 */
	static PropertyCatalog read(URL metadata) {
		try (InputStream input = metadata.openStream();
				JsonParser parser = new JsonFactory().createParser(input)) {
			Map<String, Property> byName = new LinkedHashMap<>();
			expect(parser.nextToken(), JsonToken.START_OBJECT, metadata);
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				boolean properties = "properties".equals(parser.currentName());
				JsonToken value = parser.nextToken();
				if (!properties) {
					parser.skipChildren();
					continue;
				}
				expect(value, JsonToken.START_ARRAY, metadata);
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					Property property = property(parser, metadata);
					if (property.name().startsWith(PREFIX)) {
						byName.put(property.name(), property);
					}
				}
			}
			return new PropertyCatalog(byName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the property metadata at " + metadata, ex);
		}
	}

	/** One entry of the metadata's properties, the parser on its start. */
	private static Property property(JsonParser parser, URL metadata) {
		String name = null;
		String type = null;
		String defaultValue = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (field) {
				case "name" -> name = parser.getString();
				case "type" -> type = parser.getString();
				case "defaultValue" -> defaultValue = text(parser, value, metadata);
				default -> parser.skipChildren();
			}
		}
		if (name == null || type == null) {
			throw new IllegalStateException("The property metadata at " + metadata + " has a property without "
					+ ((name == null) ? "a name" : "a type, " + name));
		}
		return new Property(name, type, defaultValue);
	}

	/**
	 * A default as text, as Jackson's tree gave it: numbers in Java's form ({@code 1e3}
	 * is {@code 1000.0}), {@code null} for none; a list or an object is not one value.
	 */
	private static @Nullable String text(JsonParser parser, JsonToken value, URL metadata) {
		return switch (value) {
			case VALUE_NULL -> null;
			case VALUE_NUMBER_INT -> parser.getNumberValue().toString();
			case VALUE_NUMBER_FLOAT -> String.valueOf(parser.getDoubleValue());
			case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> parser.getString();
			default -> throw new IllegalStateException("The property metadata at " + metadata
					+ " has a default that is not one value, at " + parser.currentLocation());
		};
	}

	private static void expect(@Nullable JsonToken token, JsonToken expected, URL metadata) {
		if (token != expected) {
			throw new IllegalStateException(
					"The property metadata at " + metadata + " is not as the configuration processor writes it: "
							+ token + " where " + expected + " belongs");
		}
	}

	/**
	 * Every property.
	 * @return the properties, in the metadata's order
	 */
	Collection<Property> properties() {
		return this.byName.values();
	}

	/**
	 * A property by its name.
	 * @param name the name without the prefix, dashed, such as {@code checks.heap.warning}
	 * @return the property
	 * @throws IllegalStateException when the library has no such property, a mistake in
	 * the agent
	 */
	Property get(String name) {
		Property property = this.byName.get(PREFIX + name);
		if (property == null) {
			throw new IllegalStateException("The library has no property " + PREFIX + name);
		}
		return property;
	}

	/**
	 * A property by a name as a file or a system property writes it.
	 * @param key the key, in any form the relaxed binding accepts
	 * @return the property, or {@code null} when there is none of that name
	 */
	@Nullable Property find(String key) {
		return this.byRelaxedName.get(relaxed(key));
	}

	/**
	 * A property by the name of an environment variable.
	 * @param variable the variable's name, such as {@code RUNTIME_MONITOR_INTERVAL}
	 * @return the property, or {@code null} when the variable sets none
	 */
	@Nullable Property findVariable(String variable) {
		return this.byEnvironmentName.get(variable);
	}

	/** The name with case, dashes and underscores left out, its dots kept. */
	private static String relaxed(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/**
	 * One property.
	 *
	 * @param name its full name, such as {@code runtime-monitor.checks.heap.warning}
	 * @param type the Java type it binds to, such as {@code java.time.Duration}
	 * @param defaultValue its default as the properties write it, {@code null} when it
	 * has none
	 */
	record Property(String name, String type, @Nullable String defaultValue) {
	}

}
