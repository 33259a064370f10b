package dev.runtimemonitor.sampling.gc;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.sampling.GcPauseCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GcNotificationListenerTests {

	@Test
	void recordsPausesFromNotificationsAndRemovesItsListenersOnClose() {
		GcPauseRecorder recorder = new GcPauseRecorder();
		GcNotificationListener events = GcNotificationListener.start(recorder,
				ManagementFactory.getGarbageCollectorMXBeans());
		try {
			assertThat(events.listenerCount()).isEqualTo(ManagementFactory.getGarbageCollectorMXBeans().size());
			System.gc();
			await().atMost(10, TimeUnit.SECONDS)
				.until(() -> recorder.figures(Instant.now(), Duration.ofMinutes(1)).pauses() > 0);
			assertThat(recorder.figures(Instant.now(), Duration.ofMinutes(1)).collections()).isPositive();
			assertThat(recorder.figures(Instant.now(), Duration.ofMinutes(1)).windowCauses())
				.extracting(GcPauseCause::cause)
				.contains("System.gc()");
		}
		finally {
			events.close();
		}
		assertThat(events.listenerCount()).isZero();
		long pauses = recorder.figures(Instant.now(), Duration.ofMinutes(1)).pauses();
		System.gc();
		assertThat(recorder.figures(Instant.now(), Duration.ofMinutes(1)).pauses()).isEqualTo(pauses);
	}

}
