package dev.runtimemonitor.sampling.evidence;

import java.time.Duration;
import java.time.Instant;

import dev.runtimemonitor.sampling.gc.GcPauseRecorder;
import io.micrometer.core.instrument.Clock;

/**
 * Reads the pause recorder's window for the evidence of a GC check: what it keeps anyway,
 * so the read touches no JVM source and stops nothing; it sorts the window's pauses (at
 * most the recorder's capacity) to find the longest.
 */
public final class GcPauseBreakdownSource {

	/** Pauses listed by default. */
	public static final int DEFAULT_TOP = 10;

	private final GcPauseRecorder recorder;

	private final Duration window;

	private final Clock clock;

	private final int top;

	/**
	 * A source of the window's pause breakdown.
	 * @param recorder the pause recorder
	 * @param window the span of the window, the checks' own
	 * @param clock the wall clock that ends the window
	 * @param top how many of the longest pauses to list
	 */
	public GcPauseBreakdownSource(GcPauseRecorder recorder, Duration window, Clock clock, int top) {
		this.recorder = recorder;
		this.window = window;
		this.clock = clock;
		this.top = top;
	}

	/**
	 * The longest pauses and the pause time by cause within the window, now.
	 * @return the breakdown
	 */
	public GcPauseBreakdown read() {
		Instant now = Instant.ofEpochMilli(this.clock.wallTime());
		return new GcPauseBreakdown(this.window, this.recorder.longestPauses(now, this.window, this.top),
				this.recorder.figures(now, this.window).windowCauses());
	}

}
