package dev.runtimemonitor.monitor.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.runtimemonitor.sampling.evidence.ThreadGroupGrowth;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroup;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroups;
import org.jspecify.annotations.Nullable;

/**
 * Writes the thread-groups capture: the largest groups of live threads by name, and the
 * groups that grew since an earlier grouping (taken when the thread checks were last ok),
 * which names the leaking pool: <pre>
 * 5,212 live threads in 31 groups; the largest:
 *       4,980  pool-7-thread-*
 *         200  http-nio-8080-exec-*
 * Grown since the check was last ok:
 *      +4,968  pool-7-thread-*  (12 then, 4,980 now)
 *       ≥+298  pool-*-thread-1  (at most 2 then, 300 now)
 * Compared with the 244 live threads at 2026-11-28T23:13:24.225Z, when the thread checks were last ok.
 * </pre>
 */
final class ThreadGroupsFormatter {

	/** Groups shown, of the largest and of the grown. */
	static final int TOP = 20;

	private ThreadGroupsFormatter() {
	}

	/**
	 * The capture of a grouping now, compared with an earlier one if there is one.
	 * @param now the grouping now
	 * @param earlier the grouping to compare with, {@code null} for none
	 * @param earlierAt when the earlier grouping was taken, {@code null} for none
	 * @return the capture
	 */
	static Capture format(ThreadNameGroups now, @Nullable ThreadNameGroups earlier, @Nullable Instant earlierAt) {
		return format(now, earlier, earlierAt, TOP);
	}

	static Capture format(ThreadNameGroups now, @Nullable ThreadNameGroups earlier, @Nullable Instant earlierAt,
			int top) {
		int groups = now.groups().size() + now.otherGroups();
		List<ThreadNameGroup> largest = now.top(top);
		List<ThreadGroupGrowth> grown = (earlier != null) ? now.growthSince(earlier) : List.of();
		grown = grown.subList(0, Math.min(top, grown.size()));
		StringBuilder text = new StringBuilder(64 * (largest.size() + grown.size() + 3));
		text.append(
				String.format(Locale.ROOT, "%,d live threads in %,d groups; the largest:%n", now.threads(), groups));
		for (ThreadNameGroup group : largest) {
			text.append(String.format(Locale.ROOT, "  %,9d  %s%n", group.threads(), group.pattern()));
		}
		if (!grown.isEmpty()) {
			text.append("Grown since the check was last ok:\n");
			for (ThreadGroupGrowth growth : grown) {
				String grewBy = (growth.exact() ? "" : "≥") + String.format(Locale.ROOT, "%+,d", growth.grewBy());
				text.append(String.format(Locale.ROOT, "  %9s  %s  (%s%,d then, %,d now)%n", grewBy, growth.pattern(),
						growth.exact() ? "" : "at most ", growth.before(), growth.now()));
			}
		}
		text.append((earlier != null && earlierAt != null)
				? String.format(Locale.ROOT,
						"Compared with the %,d live threads at %s, when the thread checks were " + "last ok.%n",
						earlier.threads(), earlierAt)
				: "No earlier grouping to compare with: the thread checks were not ok since start.\n");
		return Capture.taken(summary(now.threads(), groups, largest, grown), text.toString());
	}

	private static String summary(int threads, int groups, List<ThreadNameGroup> largest,
			List<ThreadGroupGrowth> grown) {
		StringBuilder summary = new StringBuilder(
				String.format(Locale.ROOT, "%,d live threads in %,d groups", threads, groups));
		if (!largest.isEmpty()) {
			summary.append(String.format(Locale.ROOT, "; largest %s (%,d)", largest.get(0).pattern(),
					largest.get(0).threads()));
		}
		if (!grown.isEmpty()) {
			ThreadGroupGrowth most = grown.get(0);
			summary.append(String.format(Locale.ROOT, "; grew most %s (%s%+,d since the checks were ok)",
					most.pattern(), most.exact() ? "" : "at least ", most.grewBy()));
		}
		return summary.toString();
	}

}
