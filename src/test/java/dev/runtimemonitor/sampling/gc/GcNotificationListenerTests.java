package dev.runtimemonitor.sampling.gc;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.sampling.GcPauseCause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GcNotificationListenerTests {

	@Test
	void recordsPausesFromNotificationsAndRemovesItsListenersOnClose() {
		GcPauseRecorder recorder = new GcPauseRecorder();
		GcNotificationListener events = GcNotificationListener.start(recorder,
				ManagementFactory.getGarbageCollectorMXBeans(), null);
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
		// Notifications arrive later, on the JVM's one notification thread, in the order
		// the collections ended. A witness attached now has had a collection's
		// notification only once every notification before it was delivered, to a
		// listener left attached too.
		AtomicInteger explicitCollections = new AtomicInteger();
		GcPauseRecorder witnessed = new GcPauseRecorder();
		witnessed.addListener((pause) -> {
			if (pause.cause().equals("System.gc()")) {
				explicitCollections.incrementAndGet();
			}
		});
		try (GcNotificationListener witness = GcNotificationListener.start(witnessed,
				ManagementFactory.getGarbageCollectorMXBeans(), null)) {
			// First, until a notification in flight while the listeners were removed
			// has surely been delivered.
			collectAndAwaitTheWitness(explicitCollections);
			long pauses = recorder.figures(Instant.now(), Duration.ofMinutes(1)).pauses();
			collectAndAwaitTheWitness(explicitCollections);
			assertThat(recorder.figures(Instant.now(), Duration.ofMinutes(1)).pauses()).isEqualTo(pauses);
		}
	}

	private static void collectAndAwaitTheWitness(AtomicInteger explicitCollections) {
		int before = explicitCollections.get();
		System.gc();
		await().atMost(10, TimeUnit.SECONDS).until(() -> explicitCollections.get() > before);
	}

}
