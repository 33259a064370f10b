package dev.runtimemonitor.publishing;

import java.util.StringJoiner;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.monitor.evidence.Capture;
import dev.runtimemonitor.monitor.evidence.Evidence;
import dev.runtimemonitor.monitor.evidence.EvidenceListener;
import dev.runtimemonitor.monitor.evidence.TextBound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log event per capture, at the level the check rose to (ERROR for critical, WARN for
 * warning), right after the level change it explains: a single logging call whose message
 * is the whole evidence, a heading line and then the evidence's lines, at most 64 KB in
 * all. In plain-text logs it spans lines, as a stack trace does; with structured logging
 * ({@code logging.structured.format.console=ecs}, {@code logstash} or {@code gelf}) it is
 * one JSON line, the message whole in one field, with the check, level and kind also as
 * fields ({@code runtime.check}, {@code runtime.level}, {@code runtime.evidence}): <pre>
 * Runtime evidence for check 'deadlock' (critical): 2 deadlocked threads: "demo-deadlock-1" waits for "demo-deadlock-2"; ...
 * Captured deadlocks at 2026-11-27T18:50:12.004Z in 1.21 ms.
 * Found one Java-level deadlock: 2 threads
 * ...
 * </pre>
 */
public final class EvidenceLogger implements EvidenceListener {

	private static final Logger logger = LoggerFactory.getLogger(EvidenceLogger.class);

	@Override
	public void onEvidence(Evidence evidence) {
		StringJoiner checks = new StringJoiner(",");
		evidence.triggers().forEach((trigger) -> checks.add(trigger.check().id()));
		logger.atLevel((evidence.level() == Level.CRITICAL) ? org.slf4j.event.Level.ERROR : org.slf4j.event.Level.WARN)
			.addKeyValue("runtime.check", checks.toString())
			.addKeyValue("runtime.level", evidence.level().id())
			.addKeyValue("runtime.evidence", evidence.kind().id())
			.log(message(evidence));
	}

	/**
	 * The whole evidence as one message.
	 * @param evidence the evidence
	 * @return the message, at most {@link TextBound#DEFAULT_MAX_BYTES} UTF-8 bytes
	 */
	public static String message(Evidence evidence) {
		StringJoiner triggers = new StringJoiner(" and ", "Runtime evidence for check ", ": ");
		evidence.triggers()
			.forEach((trigger) -> triggers.add("'" + trigger.check().id() + "' (" + trigger.level().id() + ")"));
		Capture capture = evidence.capture();
		StringBuilder message = new StringBuilder(capture.text().length() + 512);
		message.append(triggers).append(capture.summary()).append('\n');
		message.append(capture.taken() ? "Captured " : "Tried to capture ")
			.append(evidence.kind().id())
			.append(" at ")
			.append(evidence.takenAt())
			.append(" in ")
			.append(FigureFormatter.seconds(Seconds.of(evidence.took())));
		if (capture.pause() != null) {
			message.append(", the application stopped for ")
				.append(FigureFormatter.seconds(Seconds.of(capture.pause())));
		}
		message.append(".\n");
		if (capture.taken()) {
			message.append(capture.text());
		}
		return TextBound.DEFAULT.apply(message.toString()).stripTrailing();
	}

}
