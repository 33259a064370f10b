package dev.runtimemonitor.monitor.evidence;

import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import org.jspecify.annotations.Nullable;

/**
 * What is captured, and for which checks. One capture serves every check of its kind that
 * turns warning or critical at the same tick.
 */
public enum EvidenceKind {

	/** The deadlocked threads, with their stacks and lock owners. */
	DEADLOCKS("deadlocks", Check.DEADLOCK),

	/**
	 * Live threads grouped by name, and the groups that grew since the checks were ok.
	 */
	THREAD_GROUPS("thread-groups", Check.THREADS, Check.THREAD_GROWTH),

	/** The class histogram of live objects; it stops the world. */
	CLASS_HISTOGRAM("class-histogram", Check.HEAP, Check.HEAP_GROWTH, Check.HEAP_USED),

	/** The longest GC pauses in the window, and the pause time by cause. */
	GC_PAUSES("gc-pauses", Check.GC_PAUSE, Check.GC_OVERHEAD),

	/** The native-memory summary, or how to turn Native Memory Tracking on. */
	NATIVE_MEMORY("native-memory", Check.CONTAINER_MEMORY);

	private final String id;

	private final Check[] checks;

	EvidenceKind(String id, Check... checks) {
		this.id = id;
		this.checks = checks;
	}

	/**
	 * The kind's name in properties, logs and the report.
	 * @return the kebab-case name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The checks whose rise captures this kind.
	 * @return the checks
	 */
	public List<Check> checks() {
		return List.of(this.checks);
	}

	/**
	 * The checks, without a copy, for the tick's loop.
	 */
	Check[] checkArray() {
		return this.checks;
	}

	/**
	 * The kind captured for a check.
	 * @param check the check
	 * @return the kind, or {@code null} for a check without evidence
	 */
	public static @Nullable EvidenceKind of(Check check) {
		for (EvidenceKind kind : values()) {
			for (Check covered : kind.checks) {
				if (covered == check) {
					return kind;
				}
			}
		}
		return null;
	}

}
