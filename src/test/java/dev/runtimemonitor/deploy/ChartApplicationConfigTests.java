package dev.runtimemonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.runtimemonitor.autoconfigure.CheckSettings;
import dev.runtimemonitor.autoconfigure.RuntimeMonitorProperties;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Probe;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application.yml the chart renders is bound the way the service binds it at start-up
 * (Spring's binder, unknown properties refused, the service's own validation), so a value
 * set in the chart provably arrives as the property docs/configuration.md documents.
 */
class ChartApplicationConfigTests {

	/**
	 * Two thresholds (warning, critical) of each kind the schema knows, none a default.
	 */
	private static final Map<String, List<Object>> SAMPLES = Map.of("count", List.of(11, 22), "rate", List.of(2.5, 7.5),
			"ratio", List.of(0.5, 0.75), "size", List.of("2GB", "8GB"), "duration", List.of("700ms", "3s"));

	@Test
	void everyCheckOfTheApplicationIsConfigurableInTheChart() {
		assertThat(HelmChart.schemaChecks().keySet())
			.containsExactlyInAnyOrderElementsOf(Stream.of(Check.values()).map(Check::id).toList());
	}

	@Test
	void everyPropertyOfTheApplicationIsConfigurableInTheChart() {
		Map<String, Object> schema = Yamls.load(HelmChart.DIRECTORY.resolve("values.schema.json"));
		assertThatTheSchemaHasEveryProperty(Yamls.map(schema, "properties.runtimeMonitor.properties"),
				RuntimeMonitorProperties.class);
		Map<String, String> kinds = HelmChart.schemaChecks();
		bind("").checks()
			.byCheck()
			.forEach((check, settings) -> assertThatTheSchemaHasEveryProperty(
					Yamls.map(schema, "definitions.check-" + kinds.get(check.id()) + ".properties"),
					settings.getClass()));
	}

	/**
	 * The schema's properties are the record's components, each under its own name, and
	 * none is deprecated: the application has no deprecated property for one to stand
	 * for.
	 */
	private static void assertThatTheSchemaHasEveryProperty(Map<String, Object> schemaProperties, Class<?> properties) {
		Set<String> names = new TreeSet<>();
		for (RecordComponent component : properties.getRecordComponents()) {
			names.add(component.getName());
			Map<String, Object> property = Yamls.asMap(schemaProperties.get(component.getName()));
			assertThat(property).as(properties.getSimpleName() + "." + component.getName())
				.isNotNull()
				.doesNotContainKey("deprecated");
		}
		assertThat(schemaProperties.keySet()).as(properties.getSimpleName()).containsExactlyInAnyOrderElementsOf(names);
	}

	@ParameterizedTest
	@EnumSource(RuntimeMonitorProperties.GcEvents.class)
	void everySourceOfGcEventsPassesTheSchemaAndReachesTheApplication(RuntimeMonitorProperties.GcEvents source) {
		String value = source.name().toLowerCase(Locale.ROOT);
		assertThat(bind(applicationYml(Map.of("runtimeMonitor.gcEvents", value))).gcEvents()).isEqualTo(source);
	}

	@Test
	void withTheDefaultsTheApplicationKeepsItsOwn() {
		String yml = applicationYml(Map.of());
		assertThat(yml).doesNotContain("runtime-monitor");
		RuntimeMonitorProperties bound = bind(yml);
		RuntimeMonitorProperties defaults = bind("");
		assertThat(bound).usingRecursiveComparison().isEqualTo(defaults);
	}

	@Test
	void everyMonitorValueReachesTheApplication() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("runtimeMonitor.enabled", true);
		values.put("runtimeMonitor.interval", "10s");
		values.put("runtimeMonitor.window", "10m");
		values.put("runtimeMonitor.deadlockInterval", "1m");
		values.put("runtimeMonitor.criticalReminder", "15m");
		values.put("runtimeMonitor.gcEvents", "notifications");
		Map<String, String> kinds = HelmChart.schemaChecks();
		for (Check check : Check.values()) {
			String prefix = "runtimeMonitor.checks." + check.id() + ".";
			List<Object> sample = samples(check, kinds.get(check.id()));
			values.put(prefix + "enabled", true);
			values.put(prefix + "warning", sample.get(0));
			values.put(prefix + "critical", sample.get(1));
			values.put(prefix + "sustain", "7s");
			values.put(prefix + "probe", "none");
		}

		RuntimeMonitorProperties properties = bind(applicationYml(values));

		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(properties, "runtime-monitor");
		properties.validate(properties, errors);
		assertThat(errors.getAllErrors()).isEmpty();
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.window()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.deadlockInterval()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.criticalReminder()).isEqualTo(Duration.ofMinutes(15));
		assertThat(properties.gcEvents()).isEqualTo(RuntimeMonitorProperties.GcEvents.NOTIFICATIONS);
		for (Check check : Check.values()) {
			String kind = kinds.get(check.id());
			CheckSettings<?> settings = properties.checks().byCheck().get(check);
			assertThat(settings.enabled()).as(check.id()).isTrue();
			assertThat(settings.warning()).as(check.id()).isEqualTo(expected(kind, samples(check, kind).get(0)));
			assertThat(settings.critical()).as(check.id()).isEqualTo(expected(kind, samples(check, kind).get(1)));
			assertThat(settings.sustain()).as(check.id()).isEqualTo(Duration.ofSeconds(7));
			assertThat(settings.probe()).as(check.id()).isEqualTo(Probe.NONE);
		}
	}

	@Test
	void everyEvidenceValueReachesTheApplication() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("runtimeMonitor.evidence.enabled", true);
		values.put("runtimeMonitor.evidence.keepFor", "2h");
		values.put("runtimeMonitor.evidence.repeatAfter", "20m");
		values.put("runtimeMonitor.evidence.deadlocks.enabled", false);
		values.put("runtimeMonitor.evidence.threadGroups.enabled", false);
		values.put("runtimeMonitor.evidence.classHistogram.enabled", false);
		values.put("runtimeMonitor.evidence.classHistogram.minInterval", "30m");
		values.put("runtimeMonitor.evidence.gcPauses.enabled", false);
		values.put("runtimeMonitor.evidence.nativeMemory.enabled", false);

		RuntimeMonitorProperties.EvidenceSettings evidence = bind(applicationYml(values)).evidence();

		assertThat(evidence.enabled()).isTrue();
		assertThat(evidence.keepFor()).isEqualTo(Duration.ofHours(2));
		assertThat(evidence.repeatAfter()).isEqualTo(Duration.ofMinutes(20));
		assertThat(evidence.classHistogram().minInterval()).isEqualTo(Duration.ofMinutes(30));
		assertThat(evidence.enabledKinds()).isEmpty();
		assertThat(bind(applicationYml(Map.of("runtimeMonitor.evidence.enabled", false))).evidence().enabledKinds())
			.isEmpty();
		assertThat(bind(applicationYml(Map.of("runtimeMonitor.evidence.gcPauses.enabled", false))).evidence()
			.enabledKinds()).hasSize(4);
	}

	@Test
	void theCiValuesGiveAConfigurationTheServiceAccepts() {
		String yml = HelmChart.render(HelmChart.ALL_ON_VALUES)
			.named(ConfigMap.class, HelmChart.FULLNAME)
			.getData()
			.get("application.yml");
		RuntimeMonitorProperties properties = bind(yml);
		BeanPropertyBindingResult errors = new BeanPropertyBindingResult(properties, "runtime-monitor");
		properties.validate(properties, errors);
		assertThat(errors.getAllErrors()).isEmpty();
		assertThat(properties.interval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.checks().gcPause().critical()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties(yml)).containsEntry("management.server.port", 8081);
	}

	@Test
	void aCheckCanBeSwitchedOff() {
		RuntimeMonitorProperties properties = bind(applicationYml(Map.of("runtimeMonitor.checks.thread-growth.enabled",
				false, "runtimeMonitor.checks.heap-used.enabled", true)));
		assertThat(properties.checks().threadGrowth().enabled()).isFalse();
		assertThat(properties.checks().heapUsed().enabled()).isTrue();
		assertThat(properties.checks().threads().enabled()).isTrue();
	}

	@Test
	void largeWholeNumbersStayWholeNumbers() {
		String yml = applicationYml(Map.of("runtimeMonitor.checks.threads.critical", 5000000));
		assertThat(yml).contains("critical: 5000000").doesNotContain("e+");
		assertThat(bind(yml).checks().threads().critical()).isEqualTo(5_000_000L);
	}

	@Test
	void extraConfigAddsSpringPropertiesAndWinsOverTheChart() {
		String yml = applicationYml(Map.of("runtimeMonitor.checks.threads.warning", 2000, "extraConfig",
				Map.of("logging", Map.of("level", Map.of("dev.runtimemonitor", "DEBUG")), "runtime-monitor",
						Map.of("checks", Map.of("threads", Map.of("critical", 9000))))));
		assertThat(properties(yml)).containsEntry("logging.level.dev.runtimemonitor", "DEBUG");
		RuntimeMonitorProperties bound = bind(yml);
		assertThat(bound.checks().threads().warning()).isEqualTo(2000L);
		assertThat(bound.checks().threads().critical()).isEqualTo(9000L);
	}

	@Test
	void aPropertyTheApplicationDoesNotKnowFailsAsAtStartUp() {
		// extraConfig is free-form, so the schema cannot catch this one; the service
		// does.
		String yml = applicationYml(Map.of("extraConfig",
				Map.of("runtime-monitor", Map.of("checks", Map.of("threads", Map.of("warnign", 10))))));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(yml))
			.havingRootCause()
			.withMessageContaining("runtime-monitor.checks.threads.warnign");
	}

	@Test
	void theServerPortAndShutdownComeFromTheChart() {
		Map<String, Object> properties = properties(
				applicationYml(Map.of("containerPort", 9090, "shutdownPhaseTimeoutSeconds", 20)));
		assertThat(properties).containsEntry("server.port", 9090)
			.containsEntry("server.shutdown", "graceful")
			.containsEntry("spring.lifecycle.timeout-per-shutdown-phase", "20s")
			.doesNotContainKey("management.server.port");
	}

	/**
	 * A warning and a critical threshold of a kind, the other way round for a check whose
	 * lower values are the worse.
	 */
	private static List<Object> samples(Check check, String kind) {
		List<Object> samples = SAMPLES.get(kind);
		return check.higherIsWorse() ? samples : List.of(samples.get(1), samples.get(0));
	}

	private static Object expected(String kind, Object sample) {
		return switch (kind) {
			case "count" -> ((Integer) sample).longValue();
			case "size" -> DataSize.parse((String) sample);
			case "duration" -> DurationStyle.detectAndParse((String) sample);
			default -> sample;
		};
	}

	private static String applicationYml(Map<String, ?> values) {
		return HelmChart.render(values).named(ConfigMap.class, HelmChart.FULLNAME).getData().get("application.yml");
	}

	/**
	 * Bind runtime-monitor.* as the service does; a property it does not know fails.
	 */
	private static RuntimeMonitorProperties bind(String yml) {
		return new Binder(ConfigurationPropertySources.from(load(yml))).bindOrCreate("runtime-monitor",
				Bindable.of(RuntimeMonitorProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
	}

	private static Map<String, Object> properties(String yml) {
		Map<String, Object> flat = new LinkedHashMap<>();
		for (PropertySource<?> source : load(yml)) {
			if (source.getSource() instanceof Map<?, ?> map) {
				map.forEach((key, value) -> flat.put(String.valueOf(key), unwrap(value)));
			}
		}
		return flat;
	}

	private static Object unwrap(Object value) {
		return (value instanceof org.springframework.boot.origin.OriginTrackedValue tracked) ? tracked.getValue()
				: value;
	}

	private static List<PropertySource<?>> load(String yml) {
		try {
			return new YamlPropertySourceLoader().load("chart",
					new ByteArrayResource(yml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
