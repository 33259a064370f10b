package dev.runtimemonitor.sampling.gc;

import java.time.Duration;
import java.time.Instant;

import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.SampleSource;
import io.micrometer.core.instrument.Clock;

/**
 * The pause recorder's figures as of each tick, percentiles over the window. Each tick
 * first lets the subscription catch up on pauses no notification told of.
 */
public final class GcPauseSource implements SampleSource<GcPauseFigures> {

	private final GcEventSubscription pauses;

	private final Duration window;

	private final Clock clock;

	/**
	 * Create the source.
	 * @param pauses the subscription whose recorder to read
	 * @param window the span of the percentiles
	 * @param clock the wall clock that ends the window
	 */
	public GcPauseSource(GcEventSubscription pauses, Duration window, Clock clock) {
		this.pauses = pauses;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "gc-pauses";
	}

	@Override
	public GcPauseFigures read() {
		this.pauses.catchUp();
		return this.pauses.recorder().figures(Instant.ofEpochMilli(this.clock.wallTime()), this.window);
	}

}
