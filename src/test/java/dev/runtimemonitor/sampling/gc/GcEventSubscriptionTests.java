package dev.runtimemonitor.sampling.gc;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.evidence.DiagnosticCommand;
import dev.runtimemonitor.sampling.gc.GcEventSubscription.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class GcEventSubscriptionTests {

	@Test
	void usesFlightRecorderWhereToldToAndItIsAvailable(CapturedOutput output) {
		try (GcEventSubscription recording = new GcEventSubscription(Source.JFR)) {
			assertThat(recording.recorder().source()).isEqualTo("none");
			recording.start();
			assertThat(recording.isRunning()).isTrue();
			assertThat(recording.recorder().source()).isEqualTo("jfr");
			assertThat(recording.recorder().sourceReason())
				.isEqualTo("pauses from Flight Recorder (runtime-monitor.gc-events=jfr)");
		}
		assertThat(output).contains("GC pauses from Flight Recorder").doesNotContain("GC notifications");
	}

	@ParameterizedTest
	@EnumSource(names = { "AUTO", "JFR" })
	void eachPauseHasItsCause(Source source) {
		try (GcEventSubscription recording = new GcEventSubscription(source)) {
			recording.start();
			System.gc();
			DiagnosticCommand.platform().orElseThrow().run("gcClassHistogram");
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> causes(recording).keySet().containsAll(List.of("System.gc()", GcPause.HEAP_INSPECTION)));
			assertThat(causes(recording).get(GcPause.HEAP_INSPECTION).diagnostic()).isTrue();
			assertThat(causes(recording).get("System.gc()").diagnostic()).isFalse();
			GcPauseFigures figures = recording.recorder().figures(Instant.now(), Duration.ofMinutes(5));
			assertThat(figures.windowPauses()).as("pauses judged: all but the heap inspection's")
				.isEqualTo(figures.windowCauses()
					.stream()
					.filter((cause) -> !cause.diagnostic())
					.mapToInt(GcPauseCause::pauses)
					.sum());
		}
	}

	private static Map<String, GcPauseCause> causes(GcEventSubscription recording) {
		return recording.recorder()
			.figures(Instant.now(), Duration.ofMinutes(5))
			.windowCauses()
			.stream()
			.collect(Collectors.toMap(GcPauseCause::cause, Function.identity()));
	}

	@Test
	void withoutCountersFallsBackToFlightRecorderAndSaysWhy(CapturedOutput output) {
		try (GcEventSubscription recording = new GcEventSubscription(Source.AUTO, GcEventSubscriptionTests::missing)) {
			recording.start();
			assertThat(recording.recorder().source()).isEqualTo("jfr");
			assertThat(recording.recorder().sourceReason())
				.isEqualTo("pauses from Flight Recorder: no performance counter file at /tmp/hsperfdata_app/1");
		}
		assertThat(output).contains("GC pauses from Flight Recorder: no performance counter file");
	}

	@Test
	void neverReadsTheCountersOfAnotherJvm() {
		PerfCounterFile otherJvm = PerfCounterFile.builder(ByteOrder.nativeOrder()).build();
		try (GcEventSubscription recording = new GcEventSubscription(Source.AUTO, () -> PerfCounters
			.of(otherJvm.buffer(), ManagementFactory.getRuntimeMXBean().getStartTime(), "/tmp/hsperfdata_app/1"))) {
			recording.start();
			assertThat(recording.recorder().source()).isEqualTo("jfr");
			assertThat(recording.recorder().sourceReason()).startsWith("pauses from Flight Recorder: ")
				.contains("belongs to another JVM");
		}
	}

	@Test
	void toldToUseCountersWithoutThemFallsBackToNotificationsAndWarns(CapturedOutput output) {
		try (GcEventSubscription recording = new GcEventSubscription(Source.COUNTERS,
				GcEventSubscriptionTests::missing)) {
			recording.start();
			assertThat(recording.recorder().source()).isEqualTo("notifications");
			assertThat(recording.recorder().sourceReason()).isEqualTo(
					"pauses from GC notifications, in whole milliseconds: no performance counter file at /tmp/hsperfdata_app/1");
		}
		assertThat(output).contains("WARN").contains("GC pauses from GC notifications, in whole milliseconds");
	}

	private static PerfCounters missing() {
		throw new IllegalStateException("no performance counter file at /tmp/hsperfdata_app/1");
	}

	@Test
	void usesNotificationsWhenToldToAndSaysSoOnce(CapturedOutput output) {
		GcEventSubscription recording = new GcEventSubscription(Source.NOTIFICATIONS);
		recording.start();
		recording.start();
		assertThat(recording.recorder().source()).isEqualTo("notifications");
		recording.close();
		assertThat(recording.isRunning()).isFalse();
		assertThat(output.getAll().lines().filter((line) -> line.contains("GC pauses from GC notifications")))
			.hasSize(1);
	}

}
