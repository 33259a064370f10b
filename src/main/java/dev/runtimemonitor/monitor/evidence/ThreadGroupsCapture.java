package dev.runtimemonitor.monitor.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.runtimemonitor.sampling.evidence.ThreadGroupGrowth;
import dev.runtimemonitor.sampling.evidence.ThreadGroupsEvidence;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroup;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroups;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroupsSource;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The thread groups, compared with the grouping taken when the thread checks were last
 * ok: once at the first tick after start, and again each time they return to ok, so the
 * groups that grew are the ones that grew during this episode. Between those moments it
 * holds the earlier grouping (at most {@value ThreadNameGroups#DEFAULT_MAX_GROUPS}
 * groups) and reads nothing.
 */
final class ThreadGroupsCapture implements EvidenceCapture {

	private final ThreadNameGroupsSource source;

	private final Clock clock;

	private @Nullable ThreadNameGroups earlier;

	private @Nullable Instant earlierAt;

	ThreadGroupsCapture(ThreadNameGroupsSource source, Clock clock) {
		this.source = source;
		this.clock = clock;
	}

	@Override
	public void checksOk() {
		this.earlier = this.source.capture();
		this.earlierAt = Instant.ofEpochMilli(this.clock.wallTime());
	}

	@Override
	public Capture capture() {
		ThreadGroupsEvidence evidence = ThreadGroupsEvidence.of(this.source.capture(), this.earlier,
				ThreadGroupsEvidence.DEFAULT_TOP);
		String compared = (this.earlierAt != null)
				? "Compared with the " + String.format(Locale.ROOT, "%,d", this.earlier.threads()) + " live threads at "
						+ this.earlierAt + ", when the thread checks were last ok.\n"
				: "No earlier grouping to compare with: the thread checks were not ok since start.\n";
		return Capture.taken(summary(evidence), evidence.text() + compared);
	}

	private static String summary(ThreadGroupsEvidence evidence) {
		StringBuilder summary = new StringBuilder(
				String.format(Locale.ROOT, "%,d live threads in %,d groups", evidence.threads(), evidence.groups()));
		List<ThreadNameGroup> top = evidence.top();
		if (!top.isEmpty()) {
			summary
				.append(String.format(Locale.ROOT, "; largest %s (%,d)", top.get(0).pattern(), top.get(0).threads()));
		}
		List<ThreadGroupGrowth> grew = evidence.grew();
		if (!grew.isEmpty()) {
			ThreadGroupGrowth most = grew.get(0);
			summary.append(String.format(Locale.ROOT, "; grew most %s (%s%+,d since the checks were ok)",
					most.pattern(), most.exact() ? "" : "at least ", most.grewBy()));
		}
		return summary.toString();
	}

}
