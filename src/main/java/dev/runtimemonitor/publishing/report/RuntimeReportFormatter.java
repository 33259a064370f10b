package dev.runtimemonitor.publishing.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.publishing.report.advice.Advice;
import org.jspecify.annotations.Nullable;

/**
 * The report as plain text, for a terminal: {@code curl -H 'Accept: text/plain'}.
 */
public final class RuntimeReportFormatter {

	private static final int WIDTH = 100;

	private static final String CHECK_ROW = "  %-17s %-8s %-15s %-15s %-15s %-7s %s%n";

	private RuntimeReportFormatter() {
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
		gc(text, report);
		heap(text, report.heap());
		memory(text, report.memory(), report.heap());
		advice(text, report.advice());
		evidence(text, report.evidence());
		return text.toString();
	}

	private static void runtime(StringBuilder text, RuntimeInfo runtime) {
		text.append("RUNTIME\n");
		row(text, "JVM", runtime.vendor() + " " + runtime.vm() + " " + runtime.version());
		row(text, "OS", runtime.os() + " " + runtime.arch());
		row(text, "processors", String.valueOf(runtime.availableProcessors()));
		double limit = runtime.containerMemoryLimitBytes();
		row(text, "memory", FigureFormatter.bytes(runtime.memoryBytes()) + " seen by the JVM; "
				+ (Double.isNaN(limit) ? "no container limit" : "container limit " + FigureFormatter.bytes(limit)));
		RuntimeInfo.Gc gc = runtime.gc();
		row(text, "collector", gc.collector() + ", chosen by " + gc.chosenBy()
				+ (Double.isNaN(gc.pauseGoalSeconds()) ? "" : "; pause goal " + seconds(gc.pauseGoalSeconds())));
		RuntimeInfo.Heap heap = runtime.heap();
		String percentage = (!Double.isNaN(heap.maxRamPercentage()) && !"-Xmx".equals(heap.setBy()))
				? " (MaxRAMPercentage " + FigureFormatter.number(heap.maxRamPercentage(), 1) + ")" : "";
		row(text, "max heap", FigureFormatter.bytes(heap.maxBytes()) + ", set by " + heap.setBy() + percentage);
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
					FigureFormatter.format(unit, check.value()), threshold(unit, check.warning()),
					threshold(unit, check.critical()),
					FigureFormatter.duration(Duration.ofMillis(Math.round(check.sustainSeconds() * 1000))),
					check.since()));
		}
		text.append('\n');
	}

	private static void gc(StringBuilder text, RuntimeReport report) {
		Readings.Gc gc = report.gc();
		text.append("GC (").append(report.runtime().gc().collector());
		if (gc.pauseSource() != null) {
			text.append(", pauses from ").append(gc.pauseSource());
		}
		text.append(", window ")
			.append(FigureFormatter.duration(Duration.ofMillis(Math.round(report.windowSeconds() * 1000))))
			.append(")\n");
		if (gc.pauseSource() != null) {
			row(text, "pauses in window", FigureFormatter.number(gc.windowPauses(), 0));
			row(text, "p50 / p90 / p99",
					seconds(gc.p50Seconds()) + " / " + seconds(gc.p90Seconds()) + " / " + seconds(gc.p99Seconds()));
			row(text, "max", seconds(gc.maxSeconds()));
		}
		RuntimeReport.PauseGoal goal = report.pauseGoal();
		if (!Double.isNaN(goal.seconds())) {
			row(text, "pause goal", seconds(goal.seconds()) + " (" + goal.source() + ")");
		}
		row(text, "overhead", FigureFormatter.percent(gc.overhead()) + " of wall time in pauses");
		row(text, "collections", FigureFormatter.number(gc.collectionsPerSecond(), 2) + " per second");
		row(text, "allocation", FigureFormatter.bytesPerSecond(gc.allocationBytesPerSecond()));
		if (gc.pauseSource() != null) {
			row(text, "since start", FigureFormatter.number(gc.pauses(), 0) + " pauses, " + seconds(gc.pauseSeconds())
					+ " paused, " + seconds(gc.concurrentSeconds()) + " in concurrent cycles");
			if (gc.averagedPauses() > 0) {
				row(text, "averaged", FigureFormatter.number(gc.averagedPauses(), 0)
						+ " of those pauses share an exact sum evenly: more than two fell between two reads");
			}
		}
		String label = "pause causes";
		for (Readings.PauseCause cause : report.pauseCauses()) {
			row(text, label, cause.cause() + ": " + FigureFormatter.number(cause.pauses(), 0)
					+ ((cause.pauses() == 1) ? " pause, " : " pauses, ") + seconds(cause.seconds()) + ", longest "
					+ seconds(cause.maxSeconds())
					+ (cause.diagnostic() ? " (diagnostic: left out of the percentiles and the overhead)" : ""));
			label = "";
		}
		text.append('\n');
	}

	private static void heap(StringBuilder text, Readings.Heap heap) {
		text.append("HEAP\n");
		row(text, "used", FigureFormatter.bytes(heap.usedBytes())
				+ share(Readings.ratio(heap.usedBytes(), heap.committedBytes()), "of committed"));
		row(text, "committed", FigureFormatter.bytes(heap.committedBytes())
				+ share(Readings.ratio(heap.committedBytes(), heap.maxBytes()), "of max"));
		row(text, "max", FigureFormatter.bytes(heap.maxBytes()));
		row(text, "used after GC", FigureFormatter.bytes(heap.usedAfterGcBytes())
				+ share(Readings.ratio(heap.usedAfterGcBytes(), heap.maxBytes()), "of max"));
		row(text, "headroom",
				FigureFormatter.bytes(heap.maxBytes() - heap.usedAfterGcBytes()) + " for the live data to grow");
		row(text, "live set", liveSet(heap));
		text.append('\n');
	}

	/**
	 * The live set and where it is heading: "120.0 MiB; grows 3.2 MiB/min, the heap is
	 * full in ~41 min".
	 */
	private static String liveSet(Readings.Heap heap) {
		if (Double.isNaN(heap.liveSetBytes())) {
			return "unknown until a collection reclaims old objects";
		}
		String live = FigureFormatter.bytes(heap.liveSetBytes());
		double growth = heap.liveSetGrowthBytesPerSecond();
		if (Double.isNaN(growth)) {
			return live + "; its trend shows once old collections span " + Readings.Heap.GROWTH_MINIMUM_SPAN.toMinutes()
					+ " minutes";
		}
		if (growth == 0) {
			return live + "; steady";
		}
		return live + "; grows " + FigureFormatter.bytes(growth * 60) + "/min, the heap is full in ~"
				+ FigureFormatter.seconds(heap.secondsUntilFull());
	}

	private static void memory(StringBuilder text, Readings.Memory memory, Readings.Heap heap) {
		text.append("MEMORY\n");
		double limit = memory.containerLimitBytes();
		double used = memory.containerUsedBytes();
		if (Double.isNaN(limit)) {
			row(text, "container", "no memory limit");
		}
		else {
			row(text, "container",
					FigureFormatter.bytes(used) + " of the " + FigureFormatter.bytes(limit) + " limit ("
							+ FigureFormatter.percent(Readings.ratio(used, limit)) + "; "
							+ (Double.isNaN(memory.containerWorkingSetBytes()) ? "usage" : "working set") + ")");
			double rest = used - heap.committedBytes() - memory.nonHeapCommittedBytes() - memory.directBufferBytes();
			row(text, "of which", "heap " + FigureFormatter.bytes(heap.committedBytes()) + " committed, non-heap "
					+ FigureFormatter.bytes(memory.nonHeapCommittedBytes()) + ", direct buffers "
					+ FigureFormatter.bytes(memory.directBufferBytes()) + ", the rest " + FigureFormatter.bytes(rest)
					+ " (thread stacks, malloc, page cache, tmpfs, other processes)");
			double growth = memory.containerGrowthBytesPerSecond();
			if (growth > 0) {
				row(text, "climbing",
						"at least " + FigureFormatter.bytesPerSecond(growth) + " at each of the last two samples: "
								+ "the limit in ~" + FigureFormatter.seconds(Math.max(0, limit - used) / growth));
			}
		}
		row(text, "resident", FigureFormatter.bytes(memory.residentBytes()) + " (the process alone)");
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

	private static void evidence(StringBuilder text, @Nullable EvidenceReport evidence) {
		if (evidence == null) {
			return;
		}
		text.append("\nEVIDENCE (captured when a check rose to warning or critical; kept until it has been ok for ")
			.append(FigureFormatter.duration(Duration.ofMillis(Math.round(evidence.keepSeconds() * 1000))))
			.append(")\n");
		if (evidence.checks().isEmpty()) {
			text.append("  none kept\n");
		}
		evidence.checks().forEach((check, captured) -> {
			text.append("  ")
				.append(check)
				.append(": ")
				.append(captured.level())
				.append(" at ")
				.append(captured.takenAt())
				.append(", ")
				.append(captured.kind())
				.append(captured.taken() ? "" : " (not taken)")
				.append(", took ")
				.append(seconds(captured.tookSeconds()));
			if (!Double.isNaN(captured.pauseSeconds())) {
				text.append(", stopped the application ").append(seconds(captured.pauseSeconds()));
			}
			text.append("\n    ").append(captured.summary()).append('\n');
			if (captured.taken()) {
				captured.text().lines().forEach((line) -> text.append("    | ").append(line).append('\n'));
			}
		});
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

	private static String threshold(Unit unit, double value) {
		return Double.isNaN(value) ? "-" : FigureFormatter.format(unit, value);
	}

	private static String seconds(double seconds) {
		return FigureFormatter.seconds(seconds);
	}

	private static String share(double ratio, String of) {
		return Double.isNaN(ratio) ? "" : " (" + FigureFormatter.percent(ratio) + " " + of + ")";
	}

}
