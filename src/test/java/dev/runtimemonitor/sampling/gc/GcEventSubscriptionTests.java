package dev.runtimemonitor.sampling.gc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

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
