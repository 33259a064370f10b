package dev.runtimemonitor.monitor.evidence;

import java.time.Instant;

import dev.runtimemonitor.sampling.evidence.ThreadNameGroups;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroupsSource;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * Captures the thread groups, compared with the grouping read when the thread checks were
 * last ok: once at the first tick after start, and again each time they return to ok, so
 * the groups that grew are the ones that grew during this episode. Between those moments
 * it holds the earlier grouping (at most {@value ThreadNameGroups#DEFAULT_MAX_GROUPS}
 * groups) and reads nothing.
 */
final class ThreadGroupsCapturer implements Capturer {

	private final ThreadNameGroupsSource source;

	private final Clock clock;

	private @Nullable ThreadNameGroups earlier;

	private @Nullable Instant earlierAt;

	ThreadGroupsCapturer(ThreadNameGroupsSource source, Clock clock) {
		this.source = source;
		this.clock = clock;
	}

	@Override
	public void checksOk() {
		this.earlier = this.source.read();
		this.earlierAt = Instant.ofEpochMilli(this.clock.wallTime());
	}

	@Override
	public Capture capture() {
		return ThreadGroupsFormatter.format(this.source.read(), this.earlier, this.earlierAt);
	}

}
