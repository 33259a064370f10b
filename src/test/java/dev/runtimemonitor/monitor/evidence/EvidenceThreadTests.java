package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.testsupport.Samplers;
import io.micrometer.core.instrument.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evidence is captured on the monitor's own thread, in the tick that saw the rise: never
 * on the thread that starts the monitor, nor on a reader of the latest evaluation or of
 * the evidence (a probe, a scrape, a request for the report).
 */
class EvidenceThreadTests {

	private final AtomicInteger live = new AtomicInteger(15);

	private final List<Thread> capturedOn = new CopyOnWriteArrayList<>();

	private final RuntimeMonitor monitor = new RuntimeMonitor(
			Samplers.withThreads(Clock.SYSTEM, () -> new ThreadFigures(this.live.get(), 0, 30, 30)),
			new Evaluator(List.of(new CheckPolicy(Check.THREADS, 10, 20, Duration.ZERO, Probe.NONE)),
					Duration.ofMinutes(1)),
			Clock.SYSTEM, Duration.ofMillis(20), Duration.ofSeconds(1));

	private final EvidenceRecorder recorder = new EvidenceRecorder(Map.of(EvidenceKind.THREAD_GROUPS, this::capture),
			Duration.ofHours(1), Duration.ZERO, Clock.SYSTEM, List.of());

	@AfterEach
	void stop() {
		this.monitor.stop();
	}

	@Test
	void capturesRunOnTheMonitorsThreadNeverOnTheStarterOrAReader() {
		this.monitor.addListener(this.recorder);
		// Already at warning when the monitor starts: the first tick captures.
		this.monitor.start();
		assertThat(this.recorder.latest()).containsKey(Check.THREADS);
		this.live.set(25);
		// Read as a probe, a scrape and the report do, on this thread, while the monitor
		// ticks, until the rise to critical has been captured.
		await().pollInSameThread().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> {
			this.monitor.latest();
			Evidence evidence = this.recorder.latest().get(Check.THREADS);
			return evidence != null && evidence.level() == Level.CRITICAL;
		});
		assertThat(this.capturedOn).hasSize(2)
			.allSatisfy((thread) -> assertThat(thread.getName()).isEqualTo("runtime-monitor"))
			.doesNotContain(Thread.currentThread());
	}

	private Capture capture() {
		this.capturedOn.add(Thread.currentThread());
		return Capture.taken("threads", "captured\n");
	}

}
