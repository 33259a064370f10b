package dev.runtimemonitor.sampling.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.gc.GcPause;

/**
 * The evidence for a GC check: the longest pauses within the window, with their
 * collector, kind and cause, and the window's pause time by cause, which tells an
 * allocation storm ({@code G1 Evacuation Pause}, {@code Allocation Failure}) from a
 * library calling {@code System.gc()} or humongous allocations
 * ({@code G1 Humongous Allocation}).
 *
 * @param window the window's span
 * @param longest the longest pauses, longest first
 * @param causes the pause time by cause, the most first; diagnostic causes (a class
 * histogram's or a heap dump's collection) included and marked
 */
public record GcPauseEvidence(Duration window, List<GcPause> longest, List<GcPauseCause> causes) {

	/** Pauses listed by default. */
	public static final int DEFAULT_TOP = 10;

	public GcPauseEvidence {
		longest = List.copyOf(longest);
		causes = List.copyOf(causes);
	}

	/**
	 * All pauses within the window.
	 * @return the count, diagnostic pauses included
	 */
	public int pauses() {
		return this.causes.stream().mapToInt(GcPauseCause::pauses).sum();
	}

	/**
	 * The time of all pauses within the window.
	 * @return the time in nanoseconds, diagnostic pauses included
	 */
	public long pauseNanos() {
		return this.causes.stream().mapToLong(GcPauseCause::pauseNanos).sum();
	}

	/**
	 * The evidence as text, bounded by {@link TextBound#DEFAULT}: <pre>
	 * GC pauses in the last 300 s: 132 pauses, 2,379.300 ms in all
	 * The longest:
	 *      812.310 ms  GC(41)  G1Full full, System.gc(), ended 2026-11-27T18:50:10.123Z
	 *       12.020 ms  GC(40)  G1New young, G1 Evacuation Pause, ended 2026-11-27T18:50:09.001Z
	 * Pause time by cause:
	 *    1,210.000 ms  50.9%      3 pauses, longest    812.310 ms  System.gc()
	 *      858.000 ms  36.1%      1 pauses, longest    858.000 ms  Heap Inspection Initiated GC (diagnostic: ...)
	 *      311.300 ms  13.1%    128 pauses, longest     12.020 ms  G1 Evacuation Pause
	 * </pre>
	 * @return the text
	 */
	public String text() {
		long total = pauseNanos();
		StringBuilder text = new StringBuilder(120 * (this.longest.size() + this.causes.size() + 3));
		text.append(String.format(Locale.ROOT, "GC pauses in the last %,d s: %,d %s, %s in all%n",
				this.window.toSeconds(), pauses(), pausesWord(pauses()), millis(total)));
		if (!this.longest.isEmpty()) {
			text.append("The longest:\n");
		}
		for (GcPause pause : this.longest) {
			text.append(
					String.format(Locale.ROOT, "  %13s  GC(%d)  %s %s, %s, ended %s%n", millis(pause.durationNanos()),
							pause.gcId(), pause.collector(), pause.kind(), pause.cause(), pause.end()));
		}
		if (!this.causes.isEmpty()) {
			text.append("Pause time by cause:\n");
		}
		for (GcPauseCause cause : this.causes) {
			text.append(String.format(Locale.ROOT, "  %13s  %5.1f%%  %,6d pauses, longest %13s  %s%s%n",
					millis(cause.pauseNanos()), (total > 0) ? 100.0 * cause.pauseNanos() / total : 0.0, cause.pauses(),
					millis(cause.maxNanos()), cause.cause(), cause.diagnostic()
							? " (diagnostic: a look at the heap, left out of gc-pause and gc-overhead)" : ""));
		}
		return TextBound.DEFAULT.apply(text.toString());
	}

	private static String pausesWord(int pauses) {
		return (pauses == 1) ? "pause" : "pauses";
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%,.3f ms", nanos / 1e6);
	}

}
