package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.evidence.DiagnosticCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class GcEventSubscriptionTests {

	@Test
	void usesFlightRecorderWhereItIsAvailable(CapturedOutput output) {
		try (GcEventSubscription recording = new GcEventSubscription(true)) {
			assertThat(recording.recorder().source()).isEqualTo("none");
			recording.start();
			assertThat(recording.isRunning()).isTrue();
			assertThat(recording.recorder().source()).isEqualTo("jfr");
		}
		assertThat(output).doesNotContain("GC pauses come from GC notifications");
	}

	@Test
	void flightRecorderTellsEachPauseItsCause() {
		try (GcEventSubscription recording = new GcEventSubscription(true)) {
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
	void fallsBackToNotificationsAndSaysSoOnce(CapturedOutput output) {
		GcEventSubscription recording = new GcEventSubscription(false);
		recording.start();
		recording.start();
		assertThat(recording.recorder().source()).isEqualTo("notifications");
		recording.close();
		assertThat(recording.isRunning()).isFalse();
		assertThat(output.getAll().lines().filter((line) -> line.contains("GC pauses come from GC notifications")))
			.hasSize(1);
	}

}
