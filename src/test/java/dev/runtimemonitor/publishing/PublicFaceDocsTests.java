package dev.runtimemonitor.publishing;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.history.HistoryPoint;
import dev.runtimemonitor.publishing.report.RuntimeReport;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.gc.ConcurrentCycle;
import dev.runtimemonitor.sampling.gc.GcPause;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a host depends on is documented in docs/checks-and-meters.md: every meter the
 * library registers, under its Prometheus and its Micrometer name, and every field of the
 * {@code /runtime} and {@code /runtime/history} JSON, whose names are the records'
 * component names.
 */
class PublicFaceDocsTests {

	private static final Path PAGE = Path.of("docs", "checks-and-meters.md");

	private static final Pattern SAMPLE_NAME = Pattern.compile("^(runtime_[a-z_]+)", Pattern.MULTILINE);

	private static final List<String> SAMPLE_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

	private final RuntimeSampler sampler = new RuntimeSampler(SampleSources.platform(), Clock.SYSTEM,
			Duration.ofSeconds(30));

	@AfterEach
	void close() throws Exception {
		this.sampler.close();
	}

	@Test
	void everyMeterIsDocumentedUnderBothItsNames() throws IOException {
		List<CheckPolicy> policies = Arrays.stream(Check.values())
			.map((check) -> new CheckPolicy(check, 1, 2, Duration.ZERO, Probe.NONE))
			.toList();
		RuntimeMonitor monitor = new RuntimeMonitor(this.sampler, new Evaluator(policies, Duration.ofMinutes(1)),
				Clock.SYSTEM, Duration.ofSeconds(5), Duration.ofMinutes(5));
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		RuntimeMeters meters = new RuntimeMeters(monitor);
		GcPauseMeters pauses = new GcPauseMeters(monitor);
		meters.bindTo(registry);
		pauses.bindTo(registry);
		monitor.addListener(meters);
		monitor.tick();
		pauses.onPause(new GcPause(1, "G1New", "young", "G1 Evacuation Pause", 1_000_000, Instant.now()));
		pauses.onConcurrentCycle(new ConcurrentCycle(2, "G1Old", 5_000_000, Instant.now()));
		String page = Files.readString(PAGE);
		Set<String> micrometerNames = new LinkedHashSet<>();
		for (Meter meter : registry.getMeters()) {
			micrometerNames.add(meter.getId().getName());
		}
		assertThat(micrometerNames).as("the library's meters").hasSizeGreaterThan(15);
		assertThat(micrometerNames.stream().filter((name) -> !page.contains("| `" + name + "` |")))
			.as("Micrometer names missing from " + PAGE)
			.isEmpty();
		Set<String> prometheusNames = new LinkedHashSet<>();
		Matcher sample = SAMPLE_NAME.matcher(registry.scrape());
		while (sample.find()) {
			prometheusNames.add(sample.group(1));
		}
		assertThat(prometheusNames).as("the library's series").hasSizeGreaterThan(15);
		assertThat(prometheusNames.stream().filter((name) -> !documented(page, name)))
			.as("Prometheus names missing from " + PAGE)
			.isEmpty();
	}

	@Test
	void everyFieldOfTheReportIsDocumented() throws IOException {
		String page = Files.readString(PAGE);
		Set<String> names = fieldNames(RuntimeReport.class);
		assertThat(names).hasSizeGreaterThan(60);
		assertThat(names.stream().filter((name) -> !page.contains("`" + name + "`")))
			.as("fields of the report missing from " + PAGE)
			.isEmpty();
	}

	@Test
	void everyFieldOfTheHistoryIsDocumented() throws IOException, ClassNotFoundException {
		String page = Files.readString(PAGE);
		String history = page.substring(page.indexOf("\n## `/runtime/history`\n"));
		Set<String> names = fieldNames(
				Class.forName("dev.runtimemonitor.publishing.endpoint.HistoryResponse").asSubclass(Record.class));
		names.addAll(fieldNames(HistoryPoint.class));
		assertThat(names).contains("intervalSeconds", "epochMillis", "levels");
		assertThat(names.stream().filter((name) -> !history.contains("`" + name + "`")))
			.as("fields of the history missing from " + PAGE)
			.isEmpty();
	}

	private static boolean documented(String page, String sampleName) {
		List<String> candidates = new ArrayList<>(List.of(sampleName));
		for (String suffix : SAMPLE_SUFFIXES) {
			if (sampleName.endsWith(suffix)) {
				candidates.add(sampleName.substring(0, sampleName.length() - suffix.length()));
			}
		}
		return candidates.stream()
			.anyMatch((name) -> page.contains("| `" + name + "` |") || page.contains("| `" + name + "{"));
	}

	/**
	 * The names of a record's components and of the records it holds, directly or in a
	 * list: the field names of its JSON.
	 */
	private static Set<String> fieldNames(Class<? extends Record> type) {
		Set<String> names = new LinkedHashSet<>();
		for (RecordComponent component : type.getRecordComponents()) {
			names.add(component.getName());
			Class<?> nested = component.getType();
			if (List.class.isAssignableFrom(nested)) {
				Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
				nested = (element instanceof Class<?> elementClass) ? elementClass : Object.class;
			}
			if (nested.isRecord()) {
				names.addAll(fieldNames(nested.asSubclass(Record.class)));
			}
		}
		return names;
	}

}
