package dev.runtimemonitor.sampling.evidence;

import java.util.Optional;

import dev.runtimemonitor.sampling.jvm.JvmFlag;
import dev.runtimemonitor.sampling.jvm.JvmFlags;

/**
 * Takes the JVM's native-memory summary when Native Memory Tracking is on. The summary is
 * cheap (well under a millisecond, no stop-the-world): NMT keeps its counters all the
 * time, the command only prints them.
 */
public final class NativeMemorySource {

	private final DiagnosticCommand commands;

	private final JvmFlags flags;

	/**
	 * A source of native-memory summaries.
	 * @param commands the JVM's diagnostic commands
	 * @param flags the JVM's flags, to tell whether tracking is on
	 */
	public NativeMemorySource(DiagnosticCommand commands, JvmFlags flags) {
		this.commands = commands;
		this.flags = flags;
	}

	/**
	 * Whether Native Memory Tracking is on.
	 * @return {@code true} when {@code -XX:NativeMemoryTracking} is {@code summary} or
	 * {@code detail}
	 */
	public boolean isTracking() {
		String level = this.flags.find("NativeMemoryTracking").map(JvmFlag::value).orElse("off");
		return "summary".equals(level) || "detail".equals(level);
	}

	/**
	 * Take the summary.
	 * @return the summary, or empty when tracking is off
	 * @throws IllegalStateException when the JVM cannot print the summary
	 */
	public Optional<NativeMemorySummary> read() {
		if (!isTracking()) {
			return Optional.empty();
		}
		return Optional.of(NativeMemorySummary.parse(this.commands.run("vmNativeMemory", "summary", "scale=KB")));
	}

}
