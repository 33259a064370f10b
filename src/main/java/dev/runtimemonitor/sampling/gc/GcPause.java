package dev.runtimemonitor.sampling.gc;

import java.time.Instant;
import java.util.Set;

/**
 * One stop-the-world pause.
 *
 * @param gcId the collection the pause belongs to, as the GC log prints it
 * ({@code GC(12)}), from JFR; from the GC counters and notifications, the collector's own
 * count of pauses or collections
 * @param collector the collection's name ({@code G1New}, {@code ZGC Minor},
 * {@code ParallelOld}, ... as Flight Recorder names it, from JFR and the GC counters; the
 * collector bean's name from notifications alone)
 * @param kind what the pause did: {@code young}, {@code full}, {@code remark},
 * {@code mark-start}, {@code init-update-refs}, ...
 * @param cause why its collection ran, as the JVM names it: {@code G1 Evacuation Pause},
 * {@code Allocation Failure}, {@code System.gc()}, {@code G1 Humongous Allocation},
 * {@code Heap Inspection Initiated GC}, ...; {@code unknown} when no event named it
 * @param durationNanos how long the application stood still
 * @param end when the pause ended
 * @param averaged whether the duration is an even share of an exact sum rather than this
 * pause's own: the GC counters time each pause unless more than two fell between two
 * reads of them
 */
public record GcPause(long gcId, String collector, String kind, String cause, long durationNanos, Instant end,
		boolean averaged) {

	/**
	 * A pause timed on its own.
	 * @param gcId the collection the pause belongs to
	 * @param collector the collection's name
	 * @param kind what the pause did
	 * @param cause why its collection ran
	 * @param durationNanos how long the application stood still
	 * @param end when the pause ended
	 */
	public GcPause(long gcId, String collector, String kind, String cause, long durationNanos, Instant end) {
		this(gcId, collector, kind, cause, durationNanos, end, false);
	}

	/** The cause of the collection a class histogram of live objects runs first. */
	public static final String HEAP_INSPECTION = "Heap Inspection Initiated GC";

	/** The cause of the collection a heap dump of live objects runs first. */
	public static final String HEAP_DUMP = "Heap Dump Initiated GC";

	/** What a pause's cause is when no event named it. */
	public static final String UNKNOWN_CAUSE = "unknown";

	private static final Set<String> DIAGNOSTIC_CAUSES = Set.of(HEAP_INSPECTION, HEAP_DUMP);

	/**
	 * Whether a collection of this cause was run for a heap inspection, not for the
	 * application: a class histogram's or a heap dump's, from the monitor's own evidence
	 * capture or from an engineer's {@code jcmd}.
	 * @param cause the cause, as the JVM names it
	 * @return {@code true} for {@value #HEAP_INSPECTION} and {@value #HEAP_DUMP}
	 */
	public static boolean isDiagnostic(String cause) {
		return DIAGNOSTIC_CAUSES.contains(cause);
	}

}
