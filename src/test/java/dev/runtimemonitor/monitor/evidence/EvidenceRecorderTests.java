package dev.runtimemonitor.monitor.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.HeapInspections;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.evidence.ClassHistogramSource;
import io.micrometer.core.instrument.MockClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When evidence is captured, how long it is kept, and what a capture that is switched
 * off, refused or failing leaves: the recorder fed with plain evaluations, one a second.
 */
class EvidenceRecorderTests {

	private static final Duration KEEP = Duration.ofMinutes(10);

	/** No repeat time: every rise captures. */
	private static final Duration EVERY_RISE = Duration.ZERO;

	private final MockClock clock = new MockClock();

	private final Map<EvidenceKind, CountingCapturer> capturers = new EnumMap<>(EvidenceKind.class);

	private final List<Evidence> heard = new ArrayList<>();

	private EvidenceRecorder recorder = recorder(EvidenceKind.values());

	private @Nullable Evaluation previous;

	private long second;

	@Test
	void aRiseCapturesOnceAndAStayCapturesNothing() {
		tick(Level.OK);
		tick(Level.WARNING);
		tick(Level.WARNING, Level.WARNING, Level.WARNING);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).hasValue(1);
		tick(Level.CRITICAL);
		tick(Level.CRITICAL, Level.CRITICAL, Level.CRITICAL, Level.WARNING, Level.CRITICAL);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).as("warning, critical, and critical again").hasValue(3);
		tick(Level.OK, Level.WARNING);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).hasValue(4);
		assertThat(this.heard).extracting(Evidence::level)
			.containsExactly(Level.WARNING, Level.CRITICAL, Level.CRITICAL, Level.WARNING);
	}

	@Test
	void aCheckThatRisesAgainWithinTheRepeatTimeKeepsItsEvidenceUnlessItRisesHigher() {
		Map<EvidenceKind, Capturer> deadlocks = Map.of(EvidenceKind.DEADLOCKS, capturer(EvidenceKind.DEADLOCKS));
		this.recorder = new EvidenceRecorder(deadlocks, KEEP, Duration.ofMinutes(5), this.clock,
				List.of(this.heard::add));
		tick(Level.OK, Level.WARNING, Level.OK, Level.WARNING, Level.OK, Level.WARNING);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).as("a check flapping at warning").hasValue(1);
		tick(Level.CRITICAL);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).as("a rise to critical").hasValue(2);
		tick(Level.WARNING, Level.CRITICAL, Level.OK, Level.WARNING, Level.CRITICAL);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).as("flapping under the critical it captured").hasValue(2);
		assertThat(this.recorder.latest().get(Check.DEADLOCK)).isSameAs(this.heard.get(1));
		this.clock.add(Duration.ofMinutes(5));
		tick(Level.OK, Level.CRITICAL);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).as("once the repeat time has passed").hasValue(3);
		assertThat(this.heard).extracting(Evidence::level)
			.containsExactly(Level.WARNING, Level.CRITICAL, Level.CRITICAL);
	}

	@Test
	void nothingIsCapturedWhileEveryCheckIsOk() {
		for (int i = 0; i < 1000; i++) {
			tick(Level.OK);
		}
		this.capturers.values().forEach((capturer) -> assertThat(capturer.captures).hasValue(0));
		assertThat(this.recorder.latest()).isEmpty();
		assertThat(this.heard).isEmpty();
	}

	@Test
	void anUnknownValueIsNoRiseButUnknownToWarningIs() {
		tick(Level.UNKNOWN, Level.UNKNOWN, Level.OK, Level.UNKNOWN);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).hasValue(0);
		tick(Level.WARNING);
		assertThat(capturer(EvidenceKind.DEADLOCKS).captures).hasValue(1);
	}

	@Test
	void theEarlierStateIsTakenAtTheFirstOkTickAndWhenTheChecksReturnToOkOnly() {
		CountingCapturer threads = capturer(EvidenceKind.THREAD_GROUPS);
		tickThreads(Level.OK, Level.UNKNOWN);
		assertThat(threads.toldOk).as("unknown is not alarming: at start thread-growth has no window yet").hasValue(1);
		for (int i = 0; i < 100; i++) {
			tickThreads(Level.OK, Level.OK);
		}
		assertThat(threads.toldOk).hasValue(1);
		tickThreads(Level.WARNING, Level.OK);
		tickThreads(Level.CRITICAL, Level.WARNING);
		tickThreads(Level.OK, Level.WARNING);
		assertThat(threads.toldOk).as("not while one of them is still alarming").hasValue(1);
		tickThreads(Level.OK, Level.OK);
		tickThreads(Level.OK, Level.OK);
		assertThat(threads.toldOk).hasValue(2);
	}

	@Test
	void checksOfOneKindThatRiseAtOneTickShareOneCapture() {
		tickThreads(Level.OK, Level.OK);
		tickThreads(Level.CRITICAL, Level.WARNING);
		assertThat(capturer(EvidenceKind.THREAD_GROUPS).captures).hasValue(1);
		assertThat(this.heard).singleElement().satisfies((evidence) -> {
			assertThat(evidence.levelOf(Check.THREADS)).isEqualTo(Level.CRITICAL);
			assertThat(evidence.levelOf(Check.THREAD_GROWTH)).isEqualTo(Level.WARNING);
			assertThat(evidence.level()).isEqualTo(Level.CRITICAL);
		});
		assertThat(this.recorder.latest()).containsOnlyKeys(Check.THREADS, Check.THREAD_GROWTH);
		assertThat(this.recorder.latest().get(Check.THREADS)).isSameAs(this.recorder.latest().get(Check.THREAD_GROWTH));
	}

	@Test
	void evidenceIsKeptUntilTheCheckHasBeenOkForTheKeepTime() {
		tick(Level.OK);
		Instant risen = Instant.ofEpochMilli(this.clock.wallTime());
		tick(Level.CRITICAL, Level.CRITICAL);
		Evidence evidence = this.recorder.latest().get(Check.DEADLOCK);
		assertThat(evidence).isNotNull();
		assertThat(evidence.takenAt()).isEqualTo(risen);
		tick(Level.OK);
		for (long i = 1; i < KEEP.toSeconds(); i++) {
			tick(Level.OK);
		}
		assertThat(this.recorder.latest()).as("ok for %s less a second", KEEP).containsKey(Check.DEADLOCK);
		tick(Level.OK);
		assertThat(this.recorder.latest()).isEmpty();
	}

	@Test
	void evidenceStaysWhileTheCheckIsUnknown() {
		tick(Level.CRITICAL);
		for (long i = 0; i < KEEP.toSeconds() * 2; i++) {
			tick(Level.UNKNOWN);
		}
		assertThat(this.recorder.latest()).containsKey(Check.DEADLOCK);
	}

	@Test
	void aKindSwitchedOffIsNeverCapturedNorPrepared() {
		this.recorder = recorder(EvidenceKind.DEADLOCKS);
		tickThreads(Level.OK, Level.OK);
		tickThreads(Level.CRITICAL, Level.CRITICAL);
		assertThat(capturer(EvidenceKind.THREAD_GROUPS).captures).hasValue(0);
		assertThat(capturer(EvidenceKind.THREAD_GROUPS).toldOk).hasValue(0);
		assertThat(this.recorder.latest()).isEmpty();
		assertThat(this.recorder.captures(EvidenceKind.THREAD_GROUPS)).isFalse();
		tick(Level.CRITICAL);
		assertThat(this.recorder.latest()).containsOnlyKeys(Check.DEADLOCK);
	}

	@Test
	void aRefusedCaptureKeepsTheEvidenceTakenBeforeAndSaysWhy() {
		String histogram = """
				 num     #instances         #bytes  class name (module)
				-------------------------------------------------------
				   1:          4096      536870912  [B (java.base@25)
				   2:           100           2400  java.lang.String (java.base@25)
				Total          4196      536873312
				""";
		ClassHistogramSource source = new ClassHistogramSource((operation, arguments) -> histogram, List.of(), 20,
				new HeapInspections(), this.clock);
		this.recorder = new EvidenceRecorder(
				Map.of(EvidenceKind.CLASS_HISTOGRAM,
						Capturers.classHistogram(source, new CaptureRateLimit(Duration.ofMinutes(10), this.clock))),
				KEEP, EVERY_RISE, this.clock, List.of(this.heard::add));
		tickHeap(Level.WARNING);
		tickHeap(Level.CRITICAL);
		assertThat(this.heard).extracting((evidence) -> evidence.capture().taken()).containsExactly(true, false);
		assertThat(this.heard.get(0).capture().summary()).startsWith("largest [B: 512.0 MiB in 4,096 instances");
		assertThat(this.heard.get(1).capture().summary())
			.isEqualTo("No class histogram: it stops the application, so it runs at most once every 600s, and the "
					+ "last one ran less than that ago; the next is allowed in 599s");
		assertThat(this.recorder.latest().get(Check.HEAP)).isSameAs(this.heard.get(0));
		tickHeap(Level.OK);
		this.clock.add(Duration.ofMinutes(10));
		tickHeap(Level.CRITICAL);
		assertThat(this.heard).hasSize(3);
		assertThat(this.heard.get(2).capture().taken()).isTrue();
		assertThat(this.recorder.latest().get(Check.HEAP)).isSameAs(this.heard.get(2));
	}

	@Test
	void aFailingCaptureIsKeptAsItsReasonAndTheOtherKindsStillCapture() {
		Map<EvidenceKind, Capturer> failing = new EnumMap<>(EvidenceKind.class);
		failing.put(EvidenceKind.DEADLOCKS, () -> {
			throw new IllegalStateException("no thread bean");
		});
		failing.put(EvidenceKind.THREAD_GROUPS, capturer(EvidenceKind.THREAD_GROUPS));
		this.recorder = new EvidenceRecorder(failing, KEEP, EVERY_RISE, this.clock, List.of((evidence) -> {
			throw new IllegalStateException("a listener that fails");
		}, this.heard::add));
		tick(evaluation(Map.of(Check.DEADLOCK, Level.CRITICAL, Check.THREADS, Level.CRITICAL)));
		assertThat(this.heard).hasSize(2);
		Evidence deadlock = this.recorder.latest().get(Check.DEADLOCK);
		assertThat(deadlock.capture().taken()).isFalse();
		assertThat(deadlock.capture().text()).contains("Capturing deadlocks failed", "no thread bean");
		assertThat(this.recorder.latest().get(Check.THREADS).capture().taken()).isTrue();
	}

	@Test
	void eachCaptureIsTimedAndBounded() {
		this.recorder = new EvidenceRecorder(Map.of(EvidenceKind.DEADLOCKS, () -> {
			this.clock.add(Duration.ofMillis(3));
			return Capture.taken("x".repeat(10_000), "a line of evidence\n".repeat(20_000));
		}), KEEP, EVERY_RISE, this.clock, List.of(this.heard::add));
		tick(Level.CRITICAL);
		Evidence evidence = this.heard.get(0);
		assertThat(evidence.took()).isEqualTo(Duration.ofMillis(3));
		assertThat(evidence.capture().text().getBytes(StandardCharsets.UTF_8))
			.hasSizeLessThanOrEqualTo(TextBound.DEFAULT_MAX_BYTES);
		assertThat(evidence.capture().text()).endsWith("evidence text is bounded to 65,536 bytes]\n");
		assertThat(evidence.capture().summary()).hasSizeLessThanOrEqualTo(300);
	}

	private EvidenceRecorder recorder(EvidenceKind... kinds) {
		Map<EvidenceKind, Capturer> enabled = new EnumMap<>(EvidenceKind.class);
		for (EvidenceKind kind : kinds) {
			enabled.put(kind, capturer(kind));
		}
		return new EvidenceRecorder(enabled, KEEP, EVERY_RISE, this.clock, List.of(this.heard::add));
	}

	private CountingCapturer capturer(EvidenceKind kind) {
		return this.capturers.computeIfAbsent(kind, (key) -> new CountingCapturer());
	}

	/** One tick per level, of the deadlock check alone. */
	private void tick(Level... levels) {
		for (Level level : levels) {
			tick(evaluation(Map.of(Check.DEADLOCK, level)));
		}
	}

	private void tickThreads(Level threads, Level growth) {
		tick(evaluation(Map.of(Check.THREADS, threads, Check.THREAD_GROWTH, growth)));
	}

	private void tickHeap(Level heap) {
		tick(evaluation(Map.of(Check.HEAP, heap)));
	}

	private void tick(Evaluation evaluation) {
		this.recorder.onEvaluation(evaluation, this.previous);
		this.previous = evaluation;
		this.clock.add(Duration.ofSeconds(1));
		this.second++;
	}

	/**
	 * An evaluation at the clock's time, each check at its level since the previous
	 * evaluation's time when it changed, as the sustain rule sets {@code since}.
	 */
	private Evaluation evaluation(Map<Check, Level> levels) {
		Instant now = Instant.ofEpochMilli(this.clock.wallTime());
		RuntimeSnapshot snapshot = new RuntimeSnapshot(now, this.second * 1_000_000_000L, 0, null, null, null, null,
				null, null, null, null, null, null, null);
		List<CheckResult> results = new ArrayList<>();
		for (Check check : Check.values()) {
			Level level = levels.get(check);
			if (level != null) {
				CheckResult prior = (this.previous != null) ? this.previous.result(check) : null;
				Instant since = (prior != null && prior.level() == level) ? prior.since() : now;
				results.add(new CheckResult(new CheckPolicy(check, 1, 2, Duration.ZERO, Probe.NONE), 0, level, since,
						null, null));
			}
		}
		return new Evaluation(snapshot, Readings.of(snapshot), results);
	}

	private static final class CountingCapturer implements Capturer {

		final AtomicInteger captures = new AtomicInteger();

		final AtomicInteger toldOk = new AtomicInteger();

		@Override
		public Capture capture() {
			return Capture.taken("capture " + this.captures.incrementAndGet(), "evidence\n");
		}

		@Override
		public void checksOk() {
			this.toldOk.incrementAndGet();
		}

	}

}
