package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.evidence.ClassHistogramEvidence;
import dev.runtimemonitor.sampling.evidence.ClassHistogramRow;
import dev.runtimemonitor.sampling.evidence.ClassHistogramSource;
import dev.runtimemonitor.sampling.evidence.DeadlockEvidence;
import dev.runtimemonitor.sampling.evidence.DeadlockEvidenceSource;
import dev.runtimemonitor.sampling.evidence.DeadlockedThread;
import dev.runtimemonitor.sampling.evidence.EvidenceSources;
import dev.runtimemonitor.sampling.evidence.GcPauseEvidence;
import dev.runtimemonitor.sampling.evidence.GcPauseEvidenceSource;
import dev.runtimemonitor.sampling.evidence.NativeMemoryCategory;
import dev.runtimemonitor.sampling.evidence.NativeMemoryEvidence;
import dev.runtimemonitor.sampling.evidence.NativeMemorySource;
import dev.runtimemonitor.sampling.evidence.NativeMemorySummary;
import dev.runtimemonitor.sampling.gc.GcPause;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The captures of each kind, made from the evidence sources, each with the one-line
 * summary that heads its log event.
 */
public final class EvidenceCaptures {

	private static final int SUMMARY_THREADS = 4;

	private static final int SUMMARY_CATEGORIES = 3;

	private EvidenceCaptures() {
	}

	/**
	 * The captures of the enabled kinds.
	 * @param sources the JVM's evidence sources
	 * @param pauses the GC pause evidence, or {@code null} when pauses are not recorded
	 * @param clock the wall clock, for when the thread groups were last ok
	 * @param enabled the kinds to capture
	 * @return a capture per enabled kind; one whose source this JVM lacks says so
	 */
	public static Map<EvidenceKind, EvidenceCapture> of(EvidenceSources sources, @Nullable GcPauseEvidenceSource pauses,
			Clock clock, Set<EvidenceKind> enabled) {
		Map<EvidenceKind, EvidenceCapture> captures = new EnumMap<>(EvidenceKind.class);
		for (EvidenceKind kind : enabled) {
			captures.put(kind, switch (kind) {
				case DEADLOCKS -> deadlocks(sources.deadlocks());
				case THREAD_GROUPS -> new ThreadGroupsCapture(sources.threadGroups(), clock);
				case CLASS_HISTOGRAM -> classHistogram(sources.classHistogram());
				case GC_PAUSES -> gcPauses(pauses);
				case NATIVE_MEMORY -> nativeMemory(sources.nativeMemory());
			});
		}
		return captures;
	}

	static EvidenceCapture deadlocks(DeadlockEvidenceSource source) {
		return () -> {
			DeadlockEvidence evidence = source.capture();
			return Capture.taken(deadlockSummary(evidence), evidence.text());
		};
	}

	static String deadlockSummary(DeadlockEvidence evidence) {
		if (!evidence.found()) {
			return "no deadlocked threads found at the capture";
		}
		StringJoiner waits = new StringJoiner("; ", evidence.deadlockedThreads() + " deadlocked threads: ", "");
		List<DeadlockedThread> threads = evidence.threads();
		for (DeadlockedThread thread : threads.subList(0, Math.min(SUMMARY_THREADS, threads.size()))) {
			waits.add("\"" + thread.name() + "\" waits for "
					+ ((thread.lockOwnerName() != null) ? "\"" + thread.lockOwnerName() + "\"" : "a lock"));
		}
		return waits.toString() + ((threads.size() > SUMMARY_THREADS) ? "; ..." : "");
	}

	static EvidenceCapture classHistogram(@Nullable ClassHistogramSource source) {
		if (source == null) {
			return unavailable("No class histogram: this JVM has no diagnostic-command bean "
					+ "(com.sun.management:type=DiagnosticCommand)");
		}
		return () -> {
			Optional<ClassHistogramEvidence> taken = source.capture();
			if (taken.isEmpty()) {
				return Capture.notTaken("No class histogram: it stops the application, so it runs at most once every "
						+ FigureFormatter.duration(source.rateLimit().minInterval()) + ", and the last one ran less "
						+ "than that ago; the next is allowed in "
						+ FigureFormatter.duration(truncated(source.rateLimit().remaining())));
			}
			ClassHistogramEvidence evidence = taken.get();
			return new Capture(true, histogramSummary(evidence), evidence.text(), evidence.pause());
		};
	}

	static String histogramSummary(ClassHistogramEvidence evidence) {
		String pause = "; the application stood still " + FigureFormatter.seconds(Seconds.of(evidence.pause()))
				+ " for it";
		List<ClassHistogramRow> top = evidence.histogram().top();
		long live = evidence.histogram().bytes();
		if (top.isEmpty()) {
			return FigureFormatter.bytes(live) + " live" + pause;
		}
		ClassHistogramRow largest = top.get(0);
		return "largest " + largest.className() + ": " + FigureFormatter.bytes(largest.bytes()) + " in "
				+ String.format(Locale.ROOT, "%,d", largest.instances()) + " instances, "
				+ FigureFormatter.percent((double) largest.bytes() / live) + " of " + FigureFormatter.bytes(live)
				+ " live" + pause;
	}

	static EvidenceCapture gcPauses(@Nullable GcPauseEvidenceSource source) {
		if (source == null) {
			return unavailable("No GC pause evidence: GC pauses are not recorded in this application");
		}
		return () -> {
			GcPauseEvidence evidence = source.capture();
			return Capture.taken(gcSummary(evidence), evidence.text());
		};
	}

	static String gcSummary(GcPauseEvidence evidence) {
		if (evidence.longest().isEmpty()) {
			return "no GC pause in the window";
		}
		GcPause longest = evidence.longest().get(0);
		GcPauseCause most = evidence.causes().get(0);
		return "longest pause " + FigureFormatter.seconds(Seconds.ofNanos(longest.durationNanos())) + " ("
				+ longest.collector() + " " + longest.kind() + ", " + longest.cause() + "); most pause time: "
				+ most.cause() + ", " + FigureFormatter.seconds(Seconds.ofNanos(most.pauseNanos())) + " of "
				+ FigureFormatter.seconds(Seconds.ofNanos(evidence.pauseNanos())) + " in " + evidence.pauses()
				+ ((evidence.pauses() == 1) ? " pause" : " pauses");
	}

	static EvidenceCapture nativeMemory(@Nullable NativeMemorySource source) {
		if (source == null) {
			return unavailable("No native-memory summary: this JVM has no diagnostic-command bean "
					+ "(com.sun.management:type=DiagnosticCommand)");
		}
		return () -> {
			NativeMemoryEvidence evidence = source.capture();
			return Capture.taken(nativeMemorySummary(evidence), evidence.text());
		};
	}

	static String nativeMemorySummary(NativeMemoryEvidence evidence) {
		if (!(evidence instanceof NativeMemorySummary summary)) {
			return "Native Memory Tracking is off: start the JVM with -XX:NativeMemoryTracking=summary to see "
					+ "where the memory outside the heap goes";
		}
		StringJoiner most = new StringJoiner(", ",
				"native memory " + FigureFormatter.bytes(summary.committedBytes()) + " committed; the most: ", "");
		for (NativeMemoryCategory category : summary.categories()
			.subList(0, Math.min(SUMMARY_CATEGORIES, summary.categories().size()))) {
			most.add(category.name() + " " + FigureFormatter.bytes(category.committedBytes()));
		}
		return most.toString();
	}

	static EvidenceCapture unavailable(String reason) {
		return () -> Capture.notTaken(reason);
	}

	private static Duration truncated(Duration duration) {
		return Duration.ofSeconds(duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0));
	}

}
