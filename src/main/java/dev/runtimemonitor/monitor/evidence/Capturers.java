package dev.runtimemonitor.monitor.evidence;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import dev.runtimemonitor.sampling.evidence.ClassHistogramSource;
import dev.runtimemonitor.sampling.evidence.DeadlockedThreadsSource;
import dev.runtimemonitor.sampling.evidence.EvidenceSources;
import dev.runtimemonitor.sampling.evidence.GcPauseBreakdownSource;
import dev.runtimemonitor.sampling.evidence.NativeMemorySource;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The capturer of each enabled kind: each reads its source in
 * {@link dev.runtimemonitor.sampling.evidence} and has its formatter here write what it
 * found. A kind whose source this JVM or application lacks gets a capturer that says so.
 */
public final class Capturers {

	private static final String NO_DIAGNOSTIC_COMMANDS = "this JVM has no diagnostic-command bean "
			+ "(com.sun.management:type=DiagnosticCommand)";

	private Capturers() {
	}

	/**
	 * The capturers of the enabled kinds.
	 * @param sources the JVM's evidence sources
	 * @param gcPauses the window's pause breakdown, or {@code null} when pauses are not
	 * recorded
	 * @param histogramRateLimit how often a class histogram may be taken
	 * @param clock the wall clock, for when the thread groups were last ok
	 * @param enabled the kinds to capture
	 * @return a capturer per enabled kind
	 */
	public static Map<EvidenceKind, Capturer> of(EvidenceSources sources, @Nullable GcPauseBreakdownSource gcPauses,
			CaptureRateLimit histogramRateLimit, Clock clock, Set<EvidenceKind> enabled) {
		Map<EvidenceKind, Capturer> capturers = new EnumMap<>(EvidenceKind.class);
		for (EvidenceKind kind : enabled) {
			capturers.put(kind, switch (kind) {
				case DEADLOCKS -> deadlocks(sources.deadlocks());
				case THREAD_GROUPS -> new ThreadGroupsCapturer(sources.threadGroups(), clock);
				case CLASS_HISTOGRAM -> classHistogram(sources.classHistogram(), histogramRateLimit);
				case GC_PAUSES -> gcPauses(gcPauses);
				case NATIVE_MEMORY -> nativeMemory(sources.nativeMemory());
			});
		}
		return capturers;
	}

	static Capturer deadlocks(DeadlockedThreadsSource source) {
		return () -> DeadlocksFormatter.format(source.read());
	}

	/**
	 * The class histogram stops the application, so its rate limit is asked first, and a
	 * refusal is a capture that says when the next is allowed.
	 */
	static Capturer classHistogram(@Nullable ClassHistogramSource source, CaptureRateLimit rateLimit) {
		if (source == null) {
			return unavailable("No class histogram: " + NO_DIAGNOSTIC_COMMANDS);
		}
		return () -> rateLimit.tryAcquire() ? ClassHistogramFormatter.format(source.read())
				: ClassHistogramFormatter.refused(rateLimit);
	}

	static Capturer gcPauses(@Nullable GcPauseBreakdownSource source) {
		if (source == null) {
			return unavailable("No GC pause evidence: GC pauses are not recorded in this application");
		}
		return () -> GcPausesFormatter.format(source.read());
	}

	static Capturer nativeMemory(@Nullable NativeMemorySource source) {
		if (source == null) {
			return unavailable("No native-memory summary: " + NO_DIAGNOSTIC_COMMANDS);
		}
		return () -> source.read().map(NativeMemoryFormatter::format).orElseGet(NativeMemoryFormatter::trackingOff);
	}

	private static Capturer unavailable(String reason) {
		return () -> Capture.notTaken(reason);
	}

}
