package dev.runtimemonitor.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata IDEs complete properties from must list every check property with the
 * default the code really applies.
 */
class ConfigurationMetadataTests {

	private static Map<String, JsonNode> properties() throws IOException {
		try (InputStream metadata = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			Map<String, JsonNode> byName = new HashMap<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				byName.put(property.get("name").asString(), property);
			}
			return byName;
		}
	}

	@Test
	void everyCheckPropertyIsDescribedWithItsRealDefault() throws IOException {
		Map<String, JsonNode> metadata = properties();
		RuntimeMonitorProperties defaults = new RuntimeMonitorProperties();
		for (Map.Entry<Check, CheckProperties<?>> entry : defaults.getChecks().byCheck().entrySet()) {
			String prefix = "runtime-monitor.checks." + entry.getKey().id() + ".";
			CheckProperties<?> settings = entry.getValue();
			for (String name : new String[] { "enabled", "warning", "critical", "sustain", "probes" }) {
				assertThat(metadata).as(prefix + name).containsKey(prefix + name);
				assertThat(metadata.get(prefix + name).get("description").asString()).as(prefix + name).isNotBlank();
			}
			assertThat(metadata.get(prefix + "enabled").get("defaultValue").asBoolean()).as(prefix + "enabled")
				.isEqualTo(settings.isEnabled());
			assertThat(thresholdDefault(metadata.get(prefix + "warning"), settings)).as(prefix + "warning")
				.isEqualTo(Double.valueOf(warning(settings)));
			assertThat(thresholdDefault(metadata.get(prefix + "critical"), settings)).as(prefix + "critical")
				.isEqualTo(Double.valueOf(critical(settings)));
			assertThat(DurationStyle.detectAndParse(metadata.get(prefix + "sustain").get("defaultValue").asString()))
				.as(prefix + "sustain")
				.isEqualTo(settings.getSustain());
			assertThat(metadata.get(prefix + "probes").get("defaultValue").asString()).as(prefix + "probes")
				.isEqualTo(settings.getProbes().name().toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void everyTopLevelPropertyIsDescribedWithItsDefault() throws IOException {
		Map<String, JsonNode> metadata = properties();
		RuntimeMonitorProperties defaults = new RuntimeMonitorProperties();
		assertThat(metadata.get("runtime-monitor.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(duration(metadata, "interval")).isEqualTo(defaults.getInterval());
		assertThat(duration(metadata, "window")).isEqualTo(defaults.getWindow());
		assertThat(duration(metadata, "deadlock-interval")).isEqualTo(defaults.getDeadlockInterval());
		assertThat(duration(metadata, "critical-reminder")).isEqualTo(defaults.getCriticalReminder());
		assertThat(metadata.get("runtime-monitor.history-size").get("defaultValue").asInt())
			.isEqualTo(defaults.getHistorySize())
			.isEqualTo(720);
		assertThat(metadata.get("runtime-monitor.history-size").get("description").asString()).isNotBlank();
	}

	private static Duration duration(Map<String, JsonNode> metadata, String name) {
		return DurationStyle.detectAndParse(metadata.get("runtime-monitor." + name).get("defaultValue").asString());
	}

	private static <T> double warning(CheckProperties<T> settings) {
		return settings.toBaseUnit(settings.getWarning());
	}

	private static <T> double critical(CheckProperties<T> settings) {
		return settings.toBaseUnit(settings.getCritical());
	}

	private static double thresholdDefault(JsonNode property, CheckProperties<?> settings) {
		JsonNode value = property.get("defaultValue");
		if (value == null) {
			return Double.NaN;
		}
		if (settings instanceof CheckProperties.Size) {
			return DataSize.parse(value.asString()).toBytes();
		}
		if (settings instanceof CheckProperties.Time) {
			return DurationStyle.detectAndParse(value.asString()).toNanos() / 1e9;
		}
		return value.asDouble();
	}

}
