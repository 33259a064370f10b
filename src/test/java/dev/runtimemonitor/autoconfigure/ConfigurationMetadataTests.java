package dev.runtimemonitor.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Probe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata IDEs complete properties from, as the configuration processor generates it
 * from the properties' source, lists every property with a description and the default
 * the binder really applies; none of them is deprecated.
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

	static RuntimeMonitorProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("runtime-monitor",
				RuntimeMonitorProperties.class);
	}

	@Test
	void everyCheckPropertyIsDescribedWithItsRealDefault() throws IOException {
		Map<String, JsonNode> metadata = properties();
		RuntimeMonitorProperties defaults = bind(Map.of());
		for (Map.Entry<Check, CheckSettings<?>> entry : defaults.checks().byCheck().entrySet()) {
			String prefix = "runtime-monitor.checks." + entry.getKey().id() + ".";
			CheckSettings<?> settings = entry.getValue();
			for (String name : new String[] { "enabled", "warning", "critical", "sustain", "probe" }) {
				assertThat(metadata).as(prefix + name).containsKey(prefix + name);
				assertThat(metadata.get(prefix + name).get("description").asString()).as(prefix + name).isNotBlank();
			}
			assertThat(metadata.get(prefix + "enabled").get("defaultValue").asBoolean()).as(prefix + "enabled")
				.isEqualTo(settings.enabled());
			double[] thresholds = thresholds(entry.getKey(), settings);
			assertThat(thresholdDefault(metadata.get(prefix + "warning"), entry.getKey())).as(prefix + "warning")
				.isEqualTo(Double.valueOf(thresholds[0]));
			assertThat(thresholdDefault(metadata.get(prefix + "critical"), entry.getKey())).as(prefix + "critical")
				.isEqualTo(Double.valueOf(thresholds[1]));
			assertThat(DurationStyle.detectAndParse(metadata.get(prefix + "sustain").get("defaultValue").asString()))
				.as(prefix + "sustain")
				.isEqualTo(settings.sustain());
			assertThat(metadata.get(prefix + "probe").get("defaultValue").asString()).as(prefix + "probe")
				.isEqualTo(settings.probe().name().toLowerCase(Locale.ROOT));
		}
	}

	@Test
	void noPropertyIsDeprecated() throws IOException {
		Set<String> deprecated = new TreeSet<>();
		properties().forEach((name, property) -> {
			if (property.has("deprecated") || property.has("deprecation")) {
				deprecated.add(name);
			}
		});
		assertThat(deprecated).isEmpty();
	}

	@Test
	void theProbeIsSetUnderItsName() {
		RuntimeMonitorProperties properties = bind(Map.of("runtime-monitor.checks.threads.probe", "none",
				"runtime-monitor.checks.heap.probe", "readiness"));
		assertThat(properties.checks().threads().probe()).isEqualTo(Probe.NONE);
		assertThat(properties.checks().heap().probe()).isEqualTo(Probe.READINESS);
		assertThat(properties.checks().deadlock().probe()).isEqualTo(Probe.LIVENESS);
	}

	@Test
	void everyTopLevelPropertyIsDescribedWithItsDefault() throws IOException {
		Map<String, JsonNode> metadata = properties();
		RuntimeMonitorProperties defaults = bind(Map.of());
		assertThat(metadata.get("runtime-monitor.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(duration(metadata, "interval")).isEqualTo(defaults.interval());
		assertThat(duration(metadata, "window")).isEqualTo(defaults.window());
		assertThat(duration(metadata, "deadlock-interval")).isEqualTo(defaults.deadlockInterval());
		assertThat(duration(metadata, "critical-reminder")).isEqualTo(defaults.criticalReminder());
		assertThat(metadata.get("runtime-monitor.history-size").get("defaultValue").asInt())
			.isEqualTo(defaults.historySize())
			.isEqualTo(720);
		assertThat(metadata.get("runtime-monitor.history-size").get("description").asString()).isNotBlank();
		assertThat(metadata.get("runtime-monitor.gc-events").get("defaultValue").asString()).isEqualTo("auto")
			.isEqualTo(defaults.gcEvents().name().toLowerCase(Locale.ROOT));
	}

	@Test
	void everyEvidencePropertyIsDescribedWithItsRealDefault() throws IOException {
		Map<String, JsonNode> metadata = properties();
		RuntimeMonitorProperties.EvidenceSettings defaults = bind(Map.of()).evidence();
		for (String kind : new String[] { "", "deadlocks.", "thread-groups.", "class-histogram.", "gc-pauses.",
				"native-memory." }) {
			JsonNode enabled = metadata.get("runtime-monitor.evidence." + kind + "enabled");
			assertThat(enabled).as(kind + "enabled").isNotNull();
			assertThat(enabled.get("description").asString()).as(kind + "enabled").isNotBlank();
			assertThat(enabled.get("defaultValue").asBoolean()).as(kind + "enabled").isTrue();
		}
		assertThat(duration(metadata, "evidence.keep-for")).isEqualTo(defaults.keepFor())
			.isEqualTo(Duration.ofHours(1));
		assertThat(duration(metadata, "evidence.repeat-after")).isEqualTo(defaults.repeatAfter())
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(duration(metadata, "evidence.class-histogram.min-interval"))
			.isEqualTo(defaults.classHistogram().minInterval())
			.isEqualTo(Duration.ofMinutes(10));
		assertThat(metadata.get("runtime-monitor.evidence.class-histogram.min-interval").get("description").asString())
			.isNotBlank();
	}

	@Test
	void onlyThePropertiesThatHaveNoDefaultOnPurposeLackOne() throws IOException {
		Set<String> withoutDefault = new TreeSet<>();
		properties().forEach((name, property) -> {
			if (!property.has("defaultValue")) {
				withoutDefault.add(name);
			}
		});
		Set<String> onPurpose = new TreeSet<>();
		// No warning level unless one is set.
		onPurpose.add("runtime-monitor.checks.deadlock.warning");
		onPurpose.add("runtime-monitor.checks.sampler.warning");
		// Three sampling intervals: it follows runtime-monitor.interval.
		onPurpose.add("runtime-monitor.checks.sampler.critical");
		assertThat(withoutDefault).isEqualTo(onPurpose);
	}

	private static Duration duration(Map<String, JsonNode> metadata, String name) {
		return DurationStyle.detectAndParse(metadata.get("runtime-monitor." + name).get("defaultValue").asString());
	}

	/**
	 * The warning and critical thresholds in the check's base unit, {@code NaN} when not
	 * set.
	 */
	private static <T> double[] thresholds(Check check, CheckSettings<T> settings) {
		ThresholdType<T> type = ThresholdType.of(check, settings);
		return new double[] { baseUnit(type, settings.warning()), baseUnit(type, settings.critical()) };
	}

	private static <T> double baseUnit(ThresholdType<T> type, @Nullable T threshold) {
		return (threshold != null) ? type.toBaseUnit().applyAsDouble(threshold) : Double.NaN;
	}

	private static double thresholdDefault(JsonNode property, Check check) {
		JsonNode value = property.get("defaultValue");
		if (value == null) {
			return Double.NaN;
		}
		return switch (check.unit()) {
			case BYTES -> DataSize.parse(value.asString()).toBytes();
			case SECONDS -> DurationStyle.detectAndParse(value.asString()).toNanos() / 1e9;
			default -> Double.parseDouble(value.asString());
		};
	}

}
