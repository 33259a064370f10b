package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.monitor.evidence.Capture;
import dev.runtimemonitor.monitor.evidence.Evidence;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.testsupport.LoggedEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each capture is one log event, whole: log shippers keep an event together, and a
 * structured log writes it as one JSON line.
 */
class EvidenceLoggerTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:30Z");

	private final LoggedEvents events = LoggedEvents.onThisThread(EvidenceLogger.class);

	@AfterEach
	void stopListening() {
		this.events.close();
	}

	@Test
	void logsEachCaptureAsOneEventAtTheLevelTheCheckRoseTo() {
		String text = "Found one Java-level deadlock: 2 threads\n" + "\"demo-deadlock-1\" #31:\n".repeat(100);
		new EvidenceLogger().onEvidence(
				new Evidence(EvidenceKind.DEADLOCKS, List.of(new Evidence.Trigger(Check.DEADLOCK, Level.CRITICAL)), T0,
						Duration.ofNanos(1_210_000), Capture.taken("2 deadlocked threads", text)));
		assertThat(this.events.list()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
			assertThat(event.getFormattedMessage()).isEqualTo("Runtime evidence for check 'deadlock' (critical): "
					+ "2 deadlocked threads\nCaptured deadlocks at 2026-01-01T00:00:30Z in 1.21 ms.\n" + text.strip());
			assertThat(event.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
				.containsExactly("runtime.check=deadlock", "runtime.level=critical", "runtime.evidence=deadlocks");
		});
	}

	@Test
	void namesEveryCheckAShareCaptureServesAndTheHistogramsPause() {
		new EvidenceLogger().onEvidence(new Evidence(EvidenceKind.CLASS_HISTOGRAM,
				List.of(new Evidence.Trigger(Check.HEAP, Level.WARNING),
						new Evidence.Trigger(Check.HEAP_USED, Level.WARNING)),
				T0, Duration.ofMillis(900),
				new Capture(true, "largest [B", "Class histogram of live objects\n", Duration.ofMillis(850))));
		assertThat(this.events.list()).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
			assertThat(event.getFormattedMessage())
				.startsWith("Runtime evidence for check 'heap' (warning) and 'heap-used' (warning): largest [B\n"
						+ "Captured class-histogram at 2026-01-01T00:00:30Z in 900 ms, the application stopped for "
						+ "850 ms.\n");
			assertThat(event.getKeyValuePairs()).extracting((KeyValuePair pair) -> pair.value)
				.containsExactly("heap,heap-used", "warning", "class-histogram");
		});
	}

	@Test
	void saysWhyNothingWasTakenWithoutRepeatingIt() {
		new EvidenceLogger().onEvidence(
				new Evidence(EvidenceKind.CLASS_HISTOGRAM, List.of(new Evidence.Trigger(Check.HEAP, Level.CRITICAL)),
						T0, Duration.ZERO, Capture.notTaken("No class histogram: the last one ran 2m ago")));
		assertThat(this.events.list()).singleElement()
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEqualTo("Runtime evidence for check 'heap' (critical): No class histogram: the last one ran 2m ago\n"
					+ "Tried to capture class-histogram at 2026-01-01T00:00:30Z in 0.000 ms.");
	}

}
