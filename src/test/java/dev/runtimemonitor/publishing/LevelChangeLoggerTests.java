package dev.runtimemonitor.publishing;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LevelChangeLoggerTests {

	private final Evaluator evaluator = new Evaluator(
			List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.LIVENESS)), Duration.ofMinutes(1));

	private final LevelChangeLogger logger = new LevelChangeLogger(Duration.ofMinutes(5));

	private @Nullable Evaluation previous;

	private void tick(long second, int threads) {
		Evaluation evaluation = this.evaluator.evaluate(atSeconds(second).threads(threads).build(), null,
				this.previous);
		this.logger.onEvaluation(evaluation, this.previous);
		this.previous = evaluation;
	}

	private static long lines(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).count();
	}

	@Test
	void logsOneLinePerLevelChangeWithValueAndThreshold(CapturedOutput output) {
		tick(0, 5);
		tick(5, 15);
		tick(10, 16);
		tick(15, 25);
		tick(20, 5);
		assertThat(lines(output, "Runtime check 'threads'")).isEqualTo(3);
		assertThat(output).contains("is warning: 15 threads at or above warning 10 threads")
			.contains("is critical: 25 threads at or above critical 20 threads (was warning since")
			.contains("is ok: 5 threads, below 10 threads (was critical since");
	}

	@Test
	void staysQuietWhileNothingChanges(CapturedOutput output) {
		for (int second = 0; second < 600; second += 5) {
			tick(second, 5);
		}
		assertThat(lines(output, "Runtime check")).isZero();
	}

	@Test
	void remindsOfACriticalCheckAtMostOncePerReminderInterval(CapturedOutput output) {
		for (int second = 0; second <= 600; second += 5) {
			tick(second, 25);
		}
		assertThat(lines(output, "is critical")).isEqualTo(1);
		assertThat(lines(output, "is still critical")).isEqualTo(2);
	}

}
