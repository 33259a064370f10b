package dev.runtimemonitor.publishing.report;

import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.publishing.report.advice.Advice;
import org.jspecify.annotations.Nullable;

/**
 * The runtime report of one evaluation: what the {@code runtime} endpoint answers, as
 * JSON (each component a field, unknown figures left out) and as text. Every field is
 * part of the report's documented shape, listed in docs/checks-and-meters.md. The figure
 * groups ({@code threads}, {@code heap}, {@code memory}, {@code gc}) and the pause causes
 * and collectors are the {@link Readings} records themselves, on purpose: those hold
 * figures only, under the names the checks and meters read, so the JSON and the Java API
 * name each figure once. What an evaluation carries to the next is not in them.
 *
 * @param sampledAt when the snapshot was taken
 * @param windowSeconds the span of the window figures (growth, overhead, percentiles)
 * @param runtime what the JVM runs as and with
 * @param checks every enabled check
 * @param threads platform threads
 * @param heap the heap
 * @param memory memory outside the heap, and the process's and container's
 * @param gc garbage collection, pauses and allocation
 * @param pauseGoal the pause goal the 99th percentile is judged against
 * @param pauseCauses the window's GC pauses by cause, the most pause time first
 * @param collectors each collector's own count and time, as the JVM reports them
 * @param advice tuning advice, most pressing first; empty when nothing calls for a change
 * @param evidence the evidence captured when checks rose to warning or critical;
 * {@code null}, and left out, where the reader may not see it (the rule of the health
 * endpoint's details) or nothing captures it
 */
public record RuntimeReport(Instant sampledAt, double windowSeconds, RuntimeInfo runtime, List<CheckReport> checks,
		Readings.Threads threads, Readings.Heap heap, Readings.Memory memory, Readings.Gc gc, PauseGoal pauseGoal,
		List<Readings.PauseCause> pauseCauses, List<Readings.Collector> collectors, List<Advice> advice,
		@Nullable EvidenceReport evidence) {

	/**
	 * The pause goal.
	 *
	 * @param seconds the goal; unknown when there is none
	 * @param source where it comes from: {@code MaxGCPauseMillis} or
	 * {@code gc-pause warning}
	 */
	public record PauseGoal(double seconds, String source) {

	}

}
