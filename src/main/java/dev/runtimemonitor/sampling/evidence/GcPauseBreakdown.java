package dev.runtimemonitor.sampling.evidence;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.gc.GcPause;

/**
 * The GC pauses within the window, broken down for the evidence of a GC check: the
 * longest, with their collector, kind and cause, and the window's pause time by cause,
 * which tells an allocation storm ({@code G1 Evacuation Pause},
 * {@code Allocation Failure}) from a library calling {@code System.gc()} or humongous
 * allocations ({@code G1 Humongous Allocation}).
 *
 * @param window the window's span
 * @param longest the longest pauses, longest first
 * @param causes the pause time by cause, the most first; diagnostic causes (a class
 * histogram's or a heap dump's collection) included and marked
 */
public record GcPauseBreakdown(Duration window, List<GcPause> longest, List<GcPauseCause> causes) {

	public GcPauseBreakdown {
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

}
