package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines the logger writes, as events of its own logger. The monitors of Spring
 * contexts that other test classes left cached log through the same logger on their own
 * threads meanwhile; only the events logged on the test's thread, where the test calls
 * the logger, are its.
 */
class LevelChangeLoggerTests {

	private final Evaluator evaluator = new Evaluator(
			List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS)), Duration.ofMinutes(1));

	private final LevelChangeLogger logger = new LevelChangeLogger(Duration.ofMinutes(5));

	private final Logger logback = (Logger) LoggerFactory.getLogger(LevelChangeLogger.class);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>();

	private @Nullable Evaluation previous;

	@BeforeEach
	void listen() {
		String thread = Thread.currentThread().getName();
		this.events.addFilter(new Filter<>() {

			@Override
			public FilterReply decide(ILoggingEvent event) {
				return thread.equals(event.getThreadName()) ? FilterReply.NEUTRAL : FilterReply.DENY;
			}

		});
		this.events.start();
		this.logback.addAppender(this.events);
	}

	@AfterEach
	void stopListening() {
		this.logback.detachAppender(this.events);
	}

	private void tick(long second, int threads) {
		Evaluation evaluation = this.evaluator.evaluate(atSeconds(second).threads(threads).build(), null,
				this.previous);
		this.logger.onEvaluation(evaluation, this.previous);
		this.previous = evaluation;
	}

	private List<String> lines(String text) {
		return this.events.list.stream()
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
