package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Level;
import org.jspecify.annotations.Nullable;

/**
 * A capture as the recorder keeps it for the checks that asked for it: which checks rose
 * and to what, when it was taken, how long it took, and what it says.
 *
 * @param kind what was captured
 * @param triggers the checks whose rise asked for it, with the level each rose to
 * @param takenAt when the capture started
 * @param took how long the capture took on the monitor's thread
 * @param capture what it says
 */
public record Evidence(EvidenceKind kind, List<Trigger> triggers, Instant takenAt, Duration took, Capture capture) {

	public Evidence {
		triggers = List.copyOf(triggers);
	}

	/**
	 * The highest level a trigger rose to.
	 * @return {@link Level#CRITICAL} or {@link Level#WARNING}
	 */
	public Level level() {
		return this.triggers.stream().map(Trigger::level).anyMatch((level) -> level == Level.CRITICAL) ? Level.CRITICAL
				: Level.WARNING;
	}

	/**
	 * The level a check rose to.
	 * @param check the check
	 * @return its level, or {@code null} when the check did not ask for this capture
	 */
	public @Nullable Level levelOf(Check check) {
		for (Trigger trigger : this.triggers) {
			if (trigger.check() == check) {
				return trigger.level();
			}
		}
		return null;
	}

	/**
	 * A check that rose.
	 *
	 * @param check the check
	 * @param level the level it rose to: warning or critical
	 */
	public record Trigger(Check check, Level level) {

	}

}
