package dev.runtimemonitor.publishing.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.monitor.evidence.Capture;
import dev.runtimemonitor.monitor.evidence.Evidence;

/**
 * The evidence the report shows: the latest capture of each check that rose to warning or
 * critical, kept until the check has been ok for the keep time.
 *
 * @param keepSeconds how long evidence is kept once its check is ok again
 * @param checks the latest evidence by check name, in check order; empty when none is
 * kept
 */
public record EvidenceReport(double keepSeconds, Map<String, CheckEvidence> checks) {

	public EvidenceReport {
		checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
	}

	/**
	 * The report of the kept evidence.
	 * @param latest the latest evidence by check
	 * @param keepFor how long evidence is kept once its check is ok again
	 * @return the report
	 */
	public static EvidenceReport of(Map<Check, Evidence> latest, Duration keepFor) {
		Map<String, CheckEvidence> checks = new LinkedHashMap<>();
		latest.forEach((check, evidence) -> checks.put(check.id(), CheckEvidence.of(check, evidence)));
		return new EvidenceReport(Seconds.of(keepFor), checks);
	}

	/**
	 * One check's latest evidence.
	 *
	 * @param level the level whose onset the capture was taken at: {@code warning} or
	 * {@code critical}
	 * @param takenAt when the capture started
	 * @param kind what was captured: {@code deadlocks}, {@code thread-groups},
	 * {@code class-histogram}, {@code gc-pauses} or {@code native-memory}
	 * @param taken whether the evidence was taken; when not, {@code text} says why
	 * @param summary the most important finding, in one line
	 * @param tookSeconds how long the capture took on the monitor's thread
	 * @param pauseSeconds how long it stopped the application (the class histogram);
	 * unknown for the captures that stop nothing worth reporting
	 * @param text the evidence as people read it, at most 64 KB
	 */
	public record CheckEvidence(String level, Instant takenAt, String kind, boolean taken, String summary,
			double tookSeconds, double pauseSeconds, String text) {

		static CheckEvidence of(Check check, Evidence evidence) {
			Capture capture = evidence.capture();
			Level level = evidence.levelOf(check);
			return new CheckEvidence(((level != null) ? level : evidence.level()).id(), evidence.takenAt(),
					evidence.kind().id(), capture.taken(), capture.summary(), Seconds.of(evidence.took()),
					(capture.pause() != null) ? Seconds.of(capture.pause()) : Double.NaN, capture.text());
		}

	}

}
