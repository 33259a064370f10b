package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;

import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.SampleSource;
import io.micrometer.core.instrument.Clock;

/**
 * The pause recorder's figures as of each tick, percentiles over the window.
 */
public final class GcPauseSource implements SampleSource<GcPauseFigures> {

	private final GcPauseRecorder recorder;

	private final Duration window;

	private final Clock clock;

	/**
	 * Create the source.
	 * @param recorder the recorder to read
	 * @param window the span of the percentiles
	 * @param clock the wall clock that ends the window
	 */
	public GcPauseSource(GcPauseRecorder recorder, Duration window, Clock clock) {
		this.recorder = recorder;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "gc-pauses";
	}

	@Override
	public GcPauseFigures read() {
		return this.recorder.figures(Instant.ofEpochMilli(this.clock.wallTime()), this.window);
	}

}
