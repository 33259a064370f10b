package dev.runtimemonitor.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.sampling.SampleErrors;
import org.jspecify.annotations.Nullable;

/**
 * A monitor view whose evaluations the test hands it, for the tests of a publisher: no
 * sampler, no schedule, no JVM read. It ticks every 5 seconds, on paper. Not thread-safe:
 * the test's thread both shows and reads.
 */
public final class SettableMonitorView implements MonitorView {

	private final Evaluator evaluator;

	private final SampleErrors sampleErrors;

	private final List<MonitorListener> listeners = new CopyOnWriteArrayList<>();

	private @Nullable Evaluation latest;

	private long failedTicks;

	/**
	 * A view of these checks, with no sample sources.
	 * @param policies the enabled checks
	 */
	public SettableMonitorView(CheckPolicy... policies) {
		this(List.of(policies), List.of());
	}

	/**
	 * A view of these checks and sample sources, none of which has failed.
	 * @param policies the enabled checks
	 * @param sources the names of the sample sources
	 */
	public SettableMonitorView(List<CheckPolicy> policies, List<String> sources) {
		this.evaluator = new Evaluator(policies, Duration.ofMinutes(1));
		this.sampleErrors = new SampleErrors(sources);
	}

	/**
	 * Judge a snapshot after the one shown last and show it, as a tick does. No window
	 * start is passed: window rates are unknown unless the snapshot carries them, as its
	 * recorded pauses do.
	 * @param snapshot the snapshot
	 * @return the evaluation shown
	 */
	public Evaluation tick(SnapshotBuilder snapshot) {
		Evaluation evaluation = this.evaluator.evaluate(snapshot.build(), null, this.latest);
		show(evaluation);
		return evaluation;
	}

	/**
	 * Readers get this evaluation from now on and the listeners hear of it, as after a
	 * tick.
	 * @param evaluation the evaluation
	 */
	public void show(Evaluation evaluation) {
		Evaluation previous = this.latest;
		this.latest = evaluation;
		for (MonitorListener listener : this.listeners) {
			listener.onEvaluation(evaluation, previous);
		}
	}

	/**
	 * Readers get the last evaluation as of a moment its sample is this old, as the
	 * monitor hands it to them while its next tick is overdue. No listener hears of it:
	 * no tick ran.
	 * @param sampleAge the age of the last sample
	 */
	public void overdue(Duration sampleAge) {
		Evaluation tick = this.latest;
		if (tick == null) {
			throw new IllegalStateException("No evaluation shown yet");
		}
		this.latest = this.evaluator.asOf(tick, Seconds.of(sampleAge), tick.time().plus(sampleAge));
	}

	/**
	 * Count a tick that failed as a whole.
	 */
	public void failTick() {
		this.failedTicks++;
	}

	@Override
	public @Nullable Evaluation latest() {
		return this.latest;
	}

	@Override
	public List<CheckPolicy> policies() {
		return this.evaluator.policies();
	}

	@Override
	public Duration interval() {
		return Duration.ofSeconds(5);
	}

	@Override
	public SampleErrors sampleErrors() {
		return this.sampleErrors;
	}

	@Override
	public long failedTicks() {
		return this.failedTicks;
	}

	@Override
	public void addListener(MonitorListener listener) {
		this.listeners.add(listener);
	}

}
