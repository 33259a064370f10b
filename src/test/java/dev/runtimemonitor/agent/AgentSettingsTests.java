package dev.runtimemonitor.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.runtimemonitor.autoconfigure.RuntimeMonitorProperties;
import dev.runtimemonitor.settings.MonitorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The agent's settings are those Spring Boot's binder makes of the same properties, in a
 * file or in the environment, and the agent refuses what the library refuses, naming the
 * property as it is written and where its value came from.
 */
class AgentSettingsTests {

	private static final PropertyCatalog catalog = PropertyCatalog
		.read(AgentSettingsTests.class.getResource("/META-INF/spring-configuration-metadata.json"));

	@TempDir
	Path directory;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "",
			"runtime-monitor.interval=10s;runtime-monitor.window=2m;runtime-monitor.checks.threads.critical=8000",
			"runtime-monitor.checks.heap-used.enabled=true;runtime-monitor.checks.heap-used.warning=512MB;runtime-monitor.checks.heap-used.critical=2GB",
			"runtime-monitor.checks.gc-pause.warning=150ms;runtime-monitor.checks.thread-growth.warning=2.5;runtime-monitor.checks.heap-growth.critical=30m",
			"runtime-monitor.checks.threads.probe=NONE;runtime-monitor.checks.heap.probe=readiness;runtime-monitor.gc-events=notifications",
			"runtime-monitor.evidence.enabled=false;runtime-monitor.evidence.class-histogram.min-interval=PT20M;runtime-monitor.evidence.gc-pauses.enabled=off",
			"runtime-monitor.history-size=60;runtime-monitor.thread-states=false;runtime-monitor.process-cpu=no;runtime-monitor.enabled=true",
			"runtime-monitor.checks.sampler.critical=30s;runtime-monitor.checks.sampler.warning=10s;runtime-monitor.checks.deadlock.enabled=false",
			"runtimeMonitor.deadlockInterval=1m;runtime_monitor.checks.heap_used.enabled=true;runtime-monitor.checks.threadGrowth.critical=20" })
	void makesWhatSpringBootMakesOfAFile(String properties) throws IOException {
		Map<String, String> values = parse(properties);
		MonitorSettings spring = new Binder(
				ConfigurationPropertySources.from(new MapPropertySource("file", cast(values))))
			.bindOrCreate("runtime-monitor", RuntimeMonitorProperties.class)
			.settings();
		assertThat(AgentSettings.read(catalog, PropertyValues.find(catalog, file(values), Map.of(), new Properties())))
			.isEqualTo(spring);
	}

	/**
	 * The dashes of a name are dropped, or underscores, in every part of it: a mix of the
	 * two ({@code RUNTIME_MONITOR_CHECKS_THREADGROWTH_WARNING}) is no property to Spring
	 * Boot's binder, nor to the agent.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "RUNTIME_MONITOR_CHECKS_THREADS_CRITICAL=8000;RUNTIME_MONITOR_INTERVAL=10s",
			"RUNTIMEMONITOR_CHECKS_HEAPUSED_ENABLED=true;RUNTIMEMONITOR_DEADLOCKINTERVAL=1m",
			"RUNTIME_MONITOR_CHECKS_THREADGROWTH_WARNING=2;RUNTIME_MONITOR_CHECKS_THREAD_GROWTH_CRITICAL=20",
			"RUNTIME_MONITOR_EVIDENCE_CLASSHISTOGRAM_MININTERVAL=1h;RUNTIME_MONITOR_GCEVENTS=jfr",
			"runtime_monitor_interval=10s;RUNTIME_MONITOR_GC_EVENTS=jfr" })
	void makesWhatSpringBootMakesOfTheEnvironment(String variables) {
		Map<String, String> environment = parse(variables);
		MonitorSettings spring = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, cast(environment))))
			.bindOrCreate("runtime-monitor", RuntimeMonitorProperties.class)
			.settings();
		assertThat(AgentSettings.read(catalog, PropertyValues.find(catalog, null, environment, new Properties())))
			.isEqualTo(spring);
	}

	@Test
	void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
		Path file = file(Map.of("runtime-monitor.interval", "10s", "runtime-monitor.window", "10m",
				"runtime-monitor.history-size", "10"));
		Properties system = new Properties();
		system.setProperty("runtime-monitor.interval", "20s");
		MonitorSettings settings = AgentSettings.read(catalog, PropertyValues.find(catalog, file,
				Map.of("RUNTIME_MONITOR_INTERVAL", "30s", "RUNTIME_MONITOR_WINDOW", "20m"), system));
		assertThat(settings.interval()).hasSeconds(20);
		assertThat(settings.window()).hasMinutes(20);
		assertThat(settings.historySize()).isEqualTo(10);
	}

	@Test
	void leavesOtherVariablesAndSystemPropertiesAlone() {
		Properties system = new Properties();
		system.setProperty("runtime-monitor.intervall", "5s");
		system.setProperty("java.version", "17");
		MonitorSettings settings = AgentSettings.read(catalog,
				PropertyValues.find(catalog, null, Map.of("RUNTIME_MONITOR_INTERVALL", "x", "PATH", "/bin"), system));
		assertThat(settings.interval()).hasSeconds(5);
	}

	@Test
	void refusesAFileKeyThatIsNoPropertyNamingItAndTheFile() throws IOException {
		Path file = file(Map.of("runtime-monitor.intervall", "5s", "interval", "5s", "runtime-monitor.window", "5m"));
		assertThatExceptionOfType(AgentStartException.class)
			.isThrownBy(() -> PropertyValues.find(catalog, file, Map.of(), new Properties()))
			.withMessage("the file " + file + " sets what is no property of the runtime monitor: interval, "
					+ "runtime-monitor.intervall (the properties are listed in docs/configuration.md)");
	}

	@Test
	void refusesAFileItCannotRead() {
		Path missing = this.directory.resolve("missing.properties");
		assertThatExceptionOfType(AgentStartException.class)
			.isThrownBy(() -> PropertyValues.find(catalog, missing, Map.of(), new Properties()))
			.withMessageStartingWith("cannot read the file " + missing);
	}

	/**
	 * The library's own refusals ({@code RuntimeMonitorPropertiesValidationTests}), with
	 * the property named as it is written.
	 */
	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|',
			textBlock = """
					runtime-monitor.interval=0s                            | must be more than zero
					runtime-monitor.deadlock-interval=0s                   | must be more than zero
					runtime-monitor.window=5s                              | must be at least two intervals
					runtime-monitor.checks.heap.warning=1.5                | must be a ratio between 0 and 1
					runtime-monitor.checks.threads.warning=6000            | must not be above critical (5000)
					runtime-monitor.checks.threads.critical=-1             | must be zero or more
					runtime-monitor.checks.heap-used.warning=8GB           | must not be above critical (4GB)
					runtime-monitor.checks.heap-growth.warning=30m         | must not be below critical (1h): a shorter time is worse
					runtime-monitor.checks.sampler.critical=0s             | must be more than zero
					runtime-monitor.checks.deadlock.sustain=-1s            | must be zero or more
					runtime-monitor.history-size=0                         | must be at least 1
					runtime-monitor.evidence.class-histogram.min-interval=-1s | must be zero or more
					runtime-monitor.checks.heap.warning=high               | is not a number
					runtime-monitor.checks.threads.probe=sometimes         | is not one of liveness, readiness, none
					runtime-monitor.gc-events=logs                         | is not one of auto, counters, jfr, notifications
							""")
	void refusesWhatTheLibraryRefusesNamingThePropertyAndWhereItCameFrom(String property, String message)
			throws IOException {
		String name = property.substring(0, property.indexOf('='));
		Path file = file(Map.of(name, property.substring(name.length() + 1)));
		assertThatExceptionOfType(AgentStartException.class)
			.isThrownBy(
					() -> AgentSettings.read(catalog, PropertyValues.find(catalog, file, Map.of(), new Properties())))
			.withMessageStartingWith(property + " (file " + file + "): " + message);
	}

	/**
	 * An empty value is left unbound by Spring Boot's binder, which the library, refusing
	 * unknown fields, turns into a failed start; the agent refuses it too, where Spring
	 * Boot would only say that it was left unbound.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "runtime-monitor.interval", "runtime-monitor.checks.threads.warning",
			"runtime-monitor.checks.gc-pause.critical" })
	void refusesAnEmptyValueAsTheLibraryDoes(String property) throws IOException {
		Map<String, String> values = Map.of(property, "");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> new Binder(ConfigurationPropertySources.from(new MapPropertySource("file", cast(values))))
				.bindOrCreate("runtime-monitor", Bindable.of(RuntimeMonitorProperties.class),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT)))
			.havingRootCause()
			.isInstanceOf(UnboundConfigurationPropertiesException.class);
		Path file = file(values);
		assertThatExceptionOfType(AgentStartException.class)
			.isThrownBy(
					() -> AgentSettings.read(catalog, PropertyValues.find(catalog, file, Map.of(), new Properties())))
			.withMessage(property + "= (file " + file + "): is empty; leave the property out for its default");
	}

	@Test
	void namesEveryProblemOnALineOfItsOwn() {
		Map<String, String> environment = Map.of("RUNTIME_MONITOR_INTERVAL", "0s", "RUNTIME_MONITOR_HISTORY_SIZE", "0");
		assertThatExceptionOfType(AgentStartException.class).isThrownBy(
				() -> AgentSettings.read(catalog, PropertyValues.find(catalog, null, environment, new Properties())))
			.withMessage(
					"runtime-monitor.interval=0s (environment variable RUNTIME_MONITOR_INTERVAL): must be more than zero\n"
							+ "runtime-monitor.history-size=0 (environment variable RUNTIME_MONITOR_HISTORY_SIZE): must be at least 1");
	}

	@Test
	void theStopMessageIsOneLineForOneProblemAndALineEachForMore() {
		assertThat(RuntimeMonitorAgent.stopMessage("a")).isEqualTo("runtime-monitor agent: the JVM stops: a");
		assertThat(RuntimeMonitorAgent.stopMessage("a\nb"))
			.isEqualTo("runtime-monitor agent: the JVM stops:\n  a\n  b");
	}

	private Path file(Map<String, String> values) throws IOException {
		Path file = Files.createTempFile(this.directory, "agent", ".properties");
		StringBuilder text = new StringBuilder();
		values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		Files.writeString(file, text);
		return file;
	}

	private static Map<String, String> parse(String entries) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String entry : entries.split(";")) {
			if (!entry.isEmpty()) {
				values.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private static <T> Map<String, T> cast(Map<String, String> values) {
		return (Map<String, T>) (Map<String, ?>) values;
	}

}
