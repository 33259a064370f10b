package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.monitor.MonitorListener;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when to capture evidence and keeps the latest per check. A capture runs when a
 * check rises to warning or critical (from ok or unknown, or from warning to critical),
 * once per rise and never at every tick, on the monitor's thread; checks of one kind that
 * rise at the same tick share one capture. A check that fell back and rises again to no
 * higher a level than its kept evidence, within the repeat time of it, keeps that
 * evidence and captures nothing: one that flaps around a threshold logs its evidence
 * once, not at every rise. The evidence is kept until its check has been ok for the keep
 * time, then forgotten. While every check stays ok a tick costs a comparison of levels
 * and nothing else; the one other work is a kind's {@link Capturer#checksOk()}, at the
 * first tick and when its checks return to ok.
 * <p>
 * The store is written on the monitor's thread only; readers get an immutable copy.
 */
public final class EvidenceRecorder implements MonitorListener {

	private static final Logger logger = LoggerFactory.getLogger(EvidenceRecorder.class);

	private static final EvidenceKind[] KINDS = EvidenceKind.values();

	private final @Nullable Capturer[] capturers = new Capturer[KINDS.length];

	private final Duration keepFor;

	private final Duration repeatAfter;

	private final Clock clock;

	private final List<EvidenceListener> listeners;

	/** Whether a kind's checks were told ok since start. */
	private final boolean[] toldOk = new boolean[KINDS.length];

	/** Whether one of a kind's checks was at warning or critical at the last tick. */
	private final boolean[] alarming = new boolean[KINDS.length];

	private final Map<Check, Evidence> kept = new EnumMap<>(Check.class);

	private volatile Map<Check, Evidence> latest = Map.of();

	/**
	 * Create a recorder.
	 * @param capturers the capturer of each kind to take; a kind left out is never
	 * captured
	 * @param keepFor how long evidence is kept once its check is ok again
	 * @param repeatAfter how long a check that rises again to the level of its kept
	 * evidence keeps that evidence rather than capture anew
	 * @param clock the clock that times the captures
	 * @param listeners told about each capture
	 */
	public EvidenceRecorder(Map<EvidenceKind, Capturer> capturers, Duration keepFor, Duration repeatAfter, Clock clock,
			List<EvidenceListener> listeners) {
		capturers.forEach((kind, capturer) -> this.capturers[kind.ordinal()] = capturer);
		this.keepFor = keepFor;
		this.repeatAfter = repeatAfter;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void onEvaluation(Evaluation evaluation, @Nullable Evaluation previous) {
		boolean changed = forgetRecovered(evaluation);
		for (EvidenceKind kind : KINDS) {
			Capturer capturer = this.capturers[kind.ordinal()];
			if (capturer != null) {
				changed |= judge(kind, capturer, evaluation, previous);
			}
		}
		if (changed) {
			this.latest = Collections.unmodifiableMap(new EnumMap<>(this.kept));
		}
	}

	/**
	 * The latest evidence of each check that has some.
	 * @return the evidence by check, in check order; an immutable copy
	 */
	public Map<Check, Evidence> latest() {
		return this.latest;
	}

	/**
	 * How long evidence is kept once its check is ok again.
	 * @return the keep time
	 */
	public Duration keepFor() {
		return this.keepFor;
	}

	/**
	 * Whether a kind is captured.
	 * @param kind the kind
	 * @return {@code false} when it is switched off
	 */
	public boolean captures(EvidenceKind kind) {
		return this.capturers[kind.ordinal()] != null;
	}

	private boolean forgetRecovered(Evaluation evaluation) {
		if (this.kept.isEmpty()) {
			return false;
		}
		boolean forgot = false;
		for (Iterator<Map.Entry<Check, Evidence>> entries = this.kept.entrySet().iterator(); entries.hasNext();) {
			CheckResult result = evaluation.result(entries.next().getKey());
			if (result == null || (result.level() == Level.OK
					&& Duration.between(result.since(), evaluation.time()).compareTo(this.keepFor) >= 0)) {
				entries.remove();
				forgot = true;
			}
		}
		return forgot;
	}

	private boolean judge(EvidenceKind kind, Capturer capturer, Evaluation evaluation, @Nullable Evaluation previous) {
		boolean present = false;
		boolean alarmingNow = false;
		List<Evidence.Trigger> triggers = null;
		for (Check check : kind.checkArray()) {
			CheckResult result = evaluation.result(check);
			if (result == null) {
				continue;
			}
			present = true;
			Level level = result.level();
			alarmingNow |= severity(level) > 0;
			if (severity(level) > severity(levelBefore(previous, check)) && !repeats(check, level, evaluation)) {
				if (triggers == null) {
					triggers = new ArrayList<>(2);
				}
				triggers.add(new Evidence.Trigger(check, level));
			}
		}
		if (!present) {
			return false;
		}
		if (triggers != null) {
			record(kind, capturer, triggers);
		}
		int index = kind.ordinal();
		if (!alarmingNow && (!this.toldOk[index] || this.alarming[index])) {
			tellOk(kind, capturer);
			this.toldOk[index] = true;
		}
		this.alarming[index] = alarmingNow;
		return triggers != null;
	}

	/**
	 * Whether a check rising to a level would repeat the evidence it has: taken within
	 * the repeat time, for a rise to this level or a higher one.
	 */
	private boolean repeats(Check check, Level level, Evaluation evaluation) {
		Evidence kept = this.kept.get(check);
		if (kept == null || !kept.capture().taken()) {
			return false;
		}
		Level keptLevel = kept.levelOf(check);
		return keptLevel != null && severity(keptLevel) >= severity(level)
				&& Duration.between(kept.takenAt(), evaluation.time()).compareTo(this.repeatAfter) < 0;
	}

	private void record(EvidenceKind kind, Capturer capturer, List<Evidence.Trigger> triggers) {
		Instant takenAt = Instant.ofEpochMilli(this.clock.wallTime());
		long start = this.clock.monotonicTime();
		Capture captured;
		try {
			captured = capturer.capture();
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Capturing {} failed", kind.id(), ex);
			captured = Capture.notTaken("Capturing " + kind.id() + " failed: " + ex);
		}
		Evidence evidence = new Evidence(kind, triggers, takenAt, Duration.ofNanos(this.clock.monotonicTime() - start),
				captured);
		for (Evidence.Trigger trigger : triggers) {
			Evidence before = this.kept.get(trigger.check());
			// Evidence taken earlier beats a note that none could be taken now
			if (captured.taken() || before == null || !before.capture().taken()) {
				this.kept.put(trigger.check(), evidence);
			}
		}
		for (EvidenceListener listener : this.listeners) {
			try {
				listener.onEvidence(evidence);
			}
			catch (RuntimeException ex) {
				logger.warn("Evidence listener {} failed", listener, ex);
			}
		}
	}

	private void tellOk(EvidenceKind kind, Capturer capturer) {
		try {
			long start = this.clock.monotonicTime();
			capturer.checksOk();
			logger.debug("Checks of {} ok; told in {} µs", kind.id(), (this.clock.monotonicTime() - start) / 1000);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("Preparing the {} evidence failed; it will compare with nothing", kind.id(), ex);
		}
	}

	private static Level levelBefore(@Nullable Evaluation previous, Check check) {
		CheckResult result = (previous != null) ? previous.result(check) : null;
		return (result != null) ? result.level() : Level.OK;
	}

	/**
	 * 0 for ok and unknown, 1 for warning, 2 for critical.
	 */
	private static int severity(Level level) {
		return switch (level) {
			case WARNING -> 1;
			case CRITICAL -> 2;
			case OK, UNKNOWN -> 0;
		};
	}

}
