package dev.runtimemonitor.monitor.evidence;

import java.util.Locale;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.evidence.GcPauseBreakdown;
import dev.runtimemonitor.sampling.gc.GcPause;

/**
 * Writes the gc-pauses capture: the longest pauses within the window, with their
 * collector, kind and cause, and the window's pause time by cause: <pre>
 * GC pauses in the last 5 min: 132 pauses, 2.4 s in all
 * The longest:
 *      812 ms  GC(41)  G1Full full, System.gc(), ended 2026-11-27T18:50:10.123Z
 *    12.00 ms  GC(40)  G1New young, G1 Evacuation Pause, ended 2026-11-27T18:50:09.001Z
 * Pause time by cause:
 *       1.2 s   50.9%       3 pauses, longest    812 ms  System.gc()
 *      858 ms   36.1%       1 pause, longest    858 ms  Heap Inspection Initiated GC (diagnostic: ...)
 *      311 ms   13.1%     128 pauses, longest  12.00 ms  G1 Evacuation Pause
 * </pre> The summary names the longest pause and the cause with the most pause time.
 */
final class GcPausesFormatter {

	private GcPausesFormatter() {
	}

	static Capture format(GcPauseBreakdown pauses) {
		return Capture.taken(summary(pauses), text(pauses));
	}

	private static String summary(GcPauseBreakdown pauses) {
		if (pauses.longest().isEmpty()) {
			return "no GC pause in the window";
		}
		GcPause longest = pauses.longest().get(0);
		GcPauseCause most = pauses.causes().get(0);
		return "longest pause " + time(longest.durationNanos()) + " (" + longest.collector() + " " + longest.kind()
				+ ", " + longest.cause() + "); most pause time: " + most.cause() + ", " + time(most.pauseNanos())
				+ " of " + time(pauses.pauseNanos()) + " in " + count(pauses.pauses());
	}

	private static String text(GcPauseBreakdown pauses) {
		long total = pauses.pauseNanos();
		StringBuilder text = new StringBuilder(100 * (pauses.longest().size() + pauses.causes().size() + 3));
		text.append("GC pauses in the last ")
			.append(FigureFormatter.seconds(Seconds.of(pauses.window())))
			.append(": ")
			.append(count(pauses.pauses()))
			.append(", ")
			.append(time(total))
			.append(" in all\n");
		if (!pauses.longest().isEmpty()) {
			text.append("The longest:\n");
		}
		for (GcPause pause : pauses.longest()) {
			text.append(String.format(Locale.ROOT, "  %9s  GC(%d)  %s %s, %s, ended %s%n", time(pause.durationNanos()),
					pause.gcId(), pause.collector(), pause.kind(), pause.cause(), pause.end()));
		}
		if (!pauses.causes().isEmpty()) {
			text.append("Pause time by cause:\n");
		}
		for (GcPauseCause cause : pauses.causes()) {
			double share = (total > 0) ? (double) cause.pauseNanos() / total : 0.0;
			text.append(String.format(Locale.ROOT, "  %9s  %6s  %,6d %s, longest %9s  %s%s%n", time(cause.pauseNanos()),
					FigureFormatter.percent(share), cause.pauses(), pausesWord(cause.pauses()), time(cause.maxNanos()),
					cause.cause(), cause.diagnostic()
							? " (diagnostic: a heap inspection, left out of gc-pause and gc-overhead)" : ""));
		}
		return text.toString();
	}

	private static String time(long nanos) {
		return FigureFormatter.seconds(Seconds.ofNanos(nanos));
	}

	private static String count(int pauses) {
		return String.format(Locale.ROOT, "%,d %s", pauses, pausesWord(pauses));
	}

	private static String pausesWord(int pauses) {
		return (pauses == 1) ? "pause" : "pauses";
	}

}
