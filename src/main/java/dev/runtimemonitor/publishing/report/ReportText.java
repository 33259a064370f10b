package dev.runtimemonitor.publishing.report;

import java.util.List;
import java.util.Locale;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.publishing.CheckValues;
import dev.runtimemonitor.publishing.Figures;
import dev.runtimemonitor.publishing.report.advice.Advice;
import org.jspecify.annotations.Nullable;

/**
 * The report as plain text, for a terminal: {@code curl -H 'Accept: text/plain'}.
 */
public final class ReportText {

	private static final int WIDTH = 100;

	private static final String CHECK_ROW = "  %-17s %-8s %-15s %-15s %-15s %-7s %s%n";

	private ReportText() {
	}

	/**
	 * Write a report as text.
	 * @param report the report
	 * @return the text, lines ending in {@code \n}
	 */
	public static String format(RuntimeReport report) {
		StringBuilder text = new StringBuilder();
		text.append("Runtime report, sampled at ").append(report.sampledAt()).append("\n\n");
		runtime(text, report.runtime());
		checks(text, report.checks());
		gc(text, report.gc());
		heap(text, report.heap());
		advice(text, report.advice());
		return text.toString();
	}

	private static void runtime(StringBuilder text, RuntimeInfo runtime) {
		text.append("RUNTIME\n");
		row(text, "JVM", runtime.vendor() + " " + runtime.vm() + " " + runtime.version());
		row(text, "OS", runtime.os() + " " + runtime.arch());
		row(text, "processors", String.valueOf(runtime.availableProcessors()));
		Long limit = runtime.containerMemoryLimitBytes();
		row(text, "memory", bytes(runtime.memoryBytes()) + " seen by the JVM; "
				+ ((limit != null) ? "container limit " + Figures.bytes(limit) : "no container limit"));
		RuntimeInfo.Gc gc = runtime.gc();
		row(text, "collector", gc.collector() + ", chosen by " + gc.chosenBy()
				+ ((gc.pauseGoalMillis() != null) ? "; pause goal " + gc.pauseGoalMillis() + " ms" : ""));
		RuntimeInfo.Heap heap = runtime.heap();
		String percentage = (heap.maxRamPercentage() != null && !"-Xmx".equals(heap.setBy()))
				? " (MaxRAMPercentage " + Figures.number(heap.maxRamPercentage(), 1) + ")" : "";
		row(text, "max heap", Figures.bytes(heap.maxBytes()) + ", set by " + heap.setBy() + percentage);
		row(text, "native tracking", runtime.nativeMemoryTracking());
		text.append('\n');
	}

	private static void checks(StringBuilder text, List<CheckReport> checks) {
		text.append("CHECKS\n");
		text.append(String.format(Locale.ROOT, CHECK_ROW, "check", "level", "value", "warning", "critical", "sustain",
				"since"));
		for (CheckReport check : checks) {
			Unit unit = Check.fromId(check.check()).map(Check::unit).orElse(Unit.RATIO);
			text.append(String.format(Locale.ROOT, CHECK_ROW, check.check(), check.level(),
					value(unit, check.value(), "unknown"), value(unit, check.warning(), "-"),
					value(unit, check.critical(), "-"), check.sustain(), check.since()));
		}
		text.append('\n');
	}

	private static void gc(StringBuilder text, GcReport gc) {
		text.append("GC (").append(gc.collector());
		if (gc.pauseSource() != null) {
			text.append(", pauses from ").append(gc.pauseSource());
		}
		text.append(", window ").append(gc.window()).append(")\n");
		if (gc.windowPauses() != null) {
			row(text, "pauses in window", String.valueOf(gc.windowPauses()));
			row(text, "p50 / p90 / p99", seconds(gc.p50()) + " / " + seconds(gc.p90()) + " / " + seconds(gc.p99()));
			row(text, "max", seconds(gc.max()));
		}
		if (gc.pauseGoal() != null) {
			row(text, "pause goal", seconds(gc.pauseGoal()) + " (" + gc.pauseGoalSource() + ")");
		}
		row(text, "overhead", Figures.percent(orNaN(gc.overhead())) + " of wall time in pauses");
		row(text, "collections", Figures.number(orNaN(gc.collectionsPerSecond()), 2) + " per second");
		row(text, "allocation", Figures.bytesPerSecond(orNaN(gc.allocationBytesPerSecond())));
		if (gc.pauses() != null) {
			row(text, "since start", gc.pauses() + " pauses, " + seconds(gc.pauseTotal()) + " paused, "
					+ seconds(gc.concurrentTotal()) + " in concurrent cycles");
		}
		text.append('\n');
	}

	private static void heap(StringBuilder text, @Nullable HeapReport heap) {
		text.append("HEAP\n");
		if (heap == null) {
			text.append("  unknown: memory could not be read\n\n");
			return;
		}
		row(text, "used", Figures.bytes(heap.usedBytes()) + share(heap.usedToCommitted(), "of committed"));
		row(text, "committed", Figures.bytes(heap.committedBytes()) + share(heap.committedToMax(), "of max"));
		row(text, "max", bytes(heap.maxBytes()));
		row(text, "used after GC", bytes(heap.usedAfterGcBytes()) + share(heap.usedAfterGcToMax(), "of max"));
		row(text, "headroom", bytes(heap.headroomBytes()) + " for the live data to grow");
		text.append('\n');
	}

	private static void advice(StringBuilder text, List<Advice> advice) {
		text.append("ADVICE\n");
		if (advice.isEmpty()) {
			text.append("  none: nothing measured calls for a change\n");
		}
		for (int i = 0; i < advice.size(); i++) {
			Advice item = advice.get(i);
			wrap(text, "  " + (i + 1) + ". [" + item.rule() + "] ", "     ", item.finding());
			wrap(text, "     -> ", "        ", item.action());
		}
	}

	private static void row(StringBuilder text, String label, String value) {
		text.append(String.format(Locale.ROOT, "  %-18s %s%n", label, value));
	}

	private static void wrap(StringBuilder text, String prefix, String indent, String paragraph) {
		StringBuilder line = new StringBuilder(prefix);
		int start = prefix.length();
		for (String word : paragraph.split(" ")) {
			if (line.length() + word.length() + 1 > WIDTH && line.length() > start) {
				text.append(line.toString().stripTrailing()).append('\n');
				line = new StringBuilder(indent);
				start = indent.length();
			}
			line.append(word).append(' ');
		}
		text.append(line.toString().stripTrailing()).append('\n');
	}

	private static String value(Unit unit, @Nullable Number value, String absent) {
		if (value == null) {
			return absent;
		}
		return (unit == Unit.SECONDS) ? Figures.millis(value.doubleValue())
				: CheckValues.format(unit, value.doubleValue());
	}

	private static String seconds(@Nullable Double seconds) {
		return Figures.millis(orNaN(seconds));
	}

	private static String bytes(@Nullable Long bytes) {
		return (bytes != null) ? Figures.bytes(bytes) : "unknown";
	}

	private static String share(@Nullable Double ratio, String of) {
		return (ratio != null) ? " (" + Figures.percent(ratio) + " " + of + ")" : "";
	}

	private static double orNaN(@Nullable Double value) {
		return (value != null) ? value : Double.NaN;
	}

}
