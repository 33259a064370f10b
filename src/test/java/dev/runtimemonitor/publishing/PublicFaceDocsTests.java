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
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.publishing.history.HistoryPoint;
import dev.runtimemonitor.publishing.history.HistoryResponse;
import dev.runtimemonitor.publishing.report.CheckReport;
import dev.runtimemonitor.publishing.report.EvidenceReport;
import dev.runtimemonitor.publishing.report.RuntimeInfo;
import dev.runtimemonitor.publishing.report.RuntimeReport;
import dev.runtimemonitor.publishing.report.advice.Advice;
import dev.runtimemonitor.sampling.gc.ConcurrentCycle;
import dev.runtimemonitor.sampling.gc.GcPause;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a host depends on is documented in docs/checks-and-meters.md: every meter the
 * library registers, under its Prometheus and its Micrometer name, every field of the
 * {@code /runtime} and {@code /runtime/history} JSON, whose names are the records'
 * component names; and the {@code /runtime} JSON has no field its section does not list,
 * so a component added to a record the report writes out fails here until it is
 * documented.
 */
class PublicFaceDocsTests {

	private static final Path PAGE = Path.of("docs", "checks-and-meters.md");

	private static final Pattern SAMPLE_NAME = Pattern.compile("^(runtime_[a-z_]+)", Pattern.MULTILINE);

	private static final List<String> SAMPLE_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyMeterIsDocumentedUnderBothItsNames() throws IOException {
		List<CheckPolicy> policies = Arrays.stream(Check.values())
			.map((check) -> new CheckPolicy(check, 1, 2, Duration.ZERO, Probe.NONE))
			.toList();
		SettableMonitorView monitor = new SettableMonitorView(policies, List.of("threads"));
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		RuntimeMeters meters = new RuntimeMeters(monitor);
		GcPauseMeters pauses = new GcPauseMeters(monitor);
		meters.bindTo(registry);
		pauses.bindTo(registry);
		monitor.addListener(meters);
		monitor.tick(atSeconds(0).threads(5));
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
	void theReportsJsonHasExactlyTheFieldsDocumented() throws IOException {
		JsonNode json = JSON.readTree(JSON.writeValueAsString(JsonValues.object(representativeReport())));
		Map<String, Set<String>> written = ReportFields.written(json);
		assertThat(written.values().stream().flatMap(Set::stream)).as("a representative report leaves no field out")
			.containsAll(fieldNames(RuntimeReport.class));
		assertThat(written).as("the /runtime JSON against the /runtime section of " + PAGE)
			.isEqualTo(ReportFields.documented(Files.readString(PAGE)));
	}

	@Test
	void everyFieldOfTheHistoryIsDocumented() throws IOException {
		String page = Files.readString(PAGE);
		String history = page.substring(page.indexOf("\n## `/runtime/history`\n"));
		Set<String> names = fieldNames(HistoryResponse.class);
		names.addAll(fieldNames(HistoryPoint.class));
		assertThat(names).contains("intervalSeconds", "epochMillis", "levels");
		assertThat(names.stream().filter((name) -> !history.contains("`" + name + "`")))
			.as("fields of the history missing from " + PAGE)
			.isEmpty();
	}

	/**
	 * A report with every figure known, every list holding an element and evidence and
	 * advice shown: each field the JSON can have is in it.
	 */
	private static RuntimeReport representativeReport() {
		Instant at = Instant.parse("2026-11-28T22:49:31.162Z");
		JvmSettings jvm = new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25.0.3+9-LTS", "Linux 6.18",
				"amd64", 2, 4L << 30, new GcChoice(Collector.G1, true, 200, 0, false),
				new HeapSizing(256L << 20, true, 25, false, 256L << 20, false), "off");
		Readings readings = new Readings(new Readings.Threads(28, 23, 28, 31, 0.155, 0),
				new Readings.Heap(31_843_128, 48_234_496, 268_435_456, 27_648_824, 25_000_000, 1024, 237_816),
				new Readings.Memory(58_502_816, 60_000_000, 42_311_672, 268_435_456, 34_944, 268_435_456, 0,
						199_356_416, 1L << 30, 210_432_000, 195_788_800, 2048, 21, 20_000, 9785),
				new Readings.Gc("counters", "pauses from the JVM's GC counters", 3, 4, 0, 0.284, 1.037, 4, 0.071, 0.126,
						0.127, 0.128, 1_795_906_137.5, 0.003, 0.033, 375_112_896, 6878.5),
				Readings.ThreadsByState.UNKNOWN, new Readings.Cpu(12.5, 0.004), 0);
		return new RuntimeReport(at, 300, RuntimeInfo.of(jvm, readings),
				List.of(new CheckReport("threads", "ok", 28, "threads", 1000, 5000, 60, at, "liveness")),
				readings.threads(), readings.heap(), readings.memory(), readings.gc(),
				new RuntimeReport.PauseGoal(0.2, "MaxGCPauseMillis"),
				List.of(new Readings.PauseCause("G1 Evacuation Pause", 4, 0.284, 0.128, false)),
				List.of(new Readings.Collector("G1 Young Generation", 15, 0.745, false)),
				List.of(new Advice("gc-overhead", "GC pauses take 7% of wall time", "more heap",
						Map.of("overhead", 0.07))),
				new EvidenceReport(3600, Map.of("heap", new EvidenceReport.CheckEvidence("critical", at,
						"class-histogram", true, "largest [B", 0.821, 0.760, "Class histogram"))));
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
	 * list or a map: the field names of its JSON.
	 */
	private static Set<String> fieldNames(Class<? extends Record> type) {
		Set<String> names = new LinkedHashSet<>();
		for (RecordComponent component : type.getRecordComponents()) {
			names.add(component.getName());
			Class<?> nested = component.getType();
			if (List.class.isAssignableFrom(nested) || Map.class.isAssignableFrom(nested)) {
				Type[] arguments = ((ParameterizedType) component.getGenericType()).getActualTypeArguments();
				Type element = arguments[arguments.length - 1];
				nested = (element instanceof Class<?> elementClass) ? elementClass : Object.class;
			}
			if (nested.isRecord()) {
				names.addAll(fieldNames(nested.asSubclass(Record.class)));
			}
		}
		return names;
	}

}
