package dev.runtimemonitor.monitor.evidence;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.sampling.evidence.NativeMemoryCategory;
import dev.runtimemonitor.sampling.evidence.NativeMemorySummary;

/**
 * Writes the native-memory capture: the categories with the most committed memory, then
 * the summary as the JVM wrote it; without Native Memory Tracking, how to turn it on and
 * what that costs: <pre>
 * Native memory: 340,155 KB committed, 1,711,287 KB reserved; the most committed:
 *        262,144 KB  Java Heap
 *         42,435 KB  GC
 * Native Memory Tracking:
 * ...
 * </pre>
 */
final class NativeMemoryFormatter {

	private static final String TRACKING_OFF = "Native Memory Tracking is off, so the JVM cannot tell where its memory "
			+ "outside the heap goes. Start it with -XX:NativeMemoryTracking=summary (it cannot be turned on in a "
			+ "running JVM) and this capture shows reserved and committed memory per category: heap, class metadata, "
			+ "thread stacks, code cache, GC structures, compiler, internal and other malloc. It costs a 16-byte "
			+ "header on every block the JVM itself mallocs and NMT's own tables (the summary's 'Native Memory "
			+ "Tracking' category; a few hundred KB on a small service), and some speed: Oracle's troubleshooting "
			+ "guide puts it at 5-10 % for the JVM's own allocations; summary is the cheaper mode, detail records a "
			+ "call stack per allocation.\n";

	private static final int TEXT_CATEGORIES = 8;

	private static final int SUMMARY_CATEGORIES = 3;

	private NativeMemoryFormatter() {
	}

	static Capture format(NativeMemorySummary summary) {
		return Capture.taken(summary(summary), text(summary));
	}

	static Capture trackingOff() {
		return Capture.taken("Native Memory Tracking is off: start the JVM with -XX:NativeMemoryTracking=summary "
				+ "to see where the memory outside the heap goes", TRACKING_OFF);
	}

	private static String summary(NativeMemorySummary summary) {
		StringJoiner most = new StringJoiner(", ",
				"native memory " + FigureFormatter.bytes(summary.committedBytes()) + " committed; the most: ", "");
		for (NativeMemoryCategory category : largest(summary, SUMMARY_CATEGORIES)) {
			most.add(category.name() + " " + FigureFormatter.bytes(category.committedBytes()));
		}
		return most.toString();
	}

	private static String text(NativeMemorySummary summary) {
		StringBuilder text = new StringBuilder(summary.summary().length() + 1024);
		text.append(
				String.format(Locale.ROOT, "Native memory: %,d KB committed, %,d KB reserved; the most committed:%n",
						summary.committedBytes() >> 10, summary.reservedBytes() >> 10));
		for (NativeMemoryCategory category : largest(summary, TEXT_CATEGORIES)) {
			text.append(
					String.format(Locale.ROOT, "  %,12d KB  %s%n", category.committedBytes() >> 10, category.name()));
		}
		return text.append(summary.summary()).toString();
	}

	private static List<NativeMemoryCategory> largest(NativeMemorySummary summary, int count) {
		return summary.categories().subList(0, Math.min(count, summary.categories().size()));
	}

}
