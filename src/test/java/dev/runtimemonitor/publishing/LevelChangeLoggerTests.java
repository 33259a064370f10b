package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.testsupport.LoggedEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines the logger writes, as the events its own logger logs on the test's thread.
 */
class LevelChangeLoggerTests {

	private final Evaluator evaluator = new Evaluator(
			List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS)), Duration.ofMinutes(1));

	private final LevelChangeLogger logger = new LevelChangeLogger(Duration.ofMinutes(5));

	private final LoggedEvents events = LoggedEvents.onThisThread(LevelChangeLogger.class);

	private @Nullable Evaluation previous;

	@AfterEach
	void stopListening() {
		this.events.close();
	}

	private void tick(long second, int threads) {
		Evaluation evaluation = this.evaluator.evaluate(atSeconds(second).threads(threads).build(), null,
				this.previous);
		this.logger.onEvaluation(evaluation, this.previous);
		this.previous = evaluation;
	}

	private List<String> lines(String text) {
		return this.events.list()
			.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
			.map(ILoggingEvent::getFormattedMessage)
			.filter((line) -> line.contains(text))
			.toList();
	}

	@Test
	void logsOneLinePerLevelChangeWithValueAndThreshold() {
		tick(0, 5);
		tick(5, 15);
		tick(10, 16);
		tick(15, 25);
		tick(20, 5);
		assertThat(lines("Runtime check 'threads'")).hasSize(3)
			.anyMatch((line) -> line.contains("is warning: 15 threads at or above warning 10 threads"))
			.anyMatch((line) -> line
				.contains("is critical: 25 threads at or above critical 20 threads (was warning since"))
			.anyMatch((line) -> line.contains("is ok: 5 threads, below 10 threads (was critical since"));
	}

	@Test
	void staysQuietWhileNothingChanges() {
		for (int second = 0; second < 600; second += 5) {
			tick(second, 5);
		}
		assertThat(lines("Runtime check")).isEmpty();
	}

	@Test
	void remindsOfACriticalCheckAtMostOncePerReminderInterval() {
		for (int second = 0; second <= 600; second += 5) {
			tick(second, 25);
		}
		assertThat(lines("is critical")).hasSize(1);
		assertThat(lines("is still critical")).hasSize(2);
	}

}
