package dev.runtimemonitor.sampling.evidence;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The evidence for a thread check: the largest groups of live threads by name, and the
 * groups that grew since an earlier grouping (taken when the check was last ok), which
 * names the leaking pool.
 *
 * @param threads the live threads grouped
 * @param groups how many groups they make
 * @param top the largest groups, largest first
 * @param grew the groups that gained threads since the earlier grouping, most gained
 * first; empty without one
 */
public record ThreadGroupsEvidence(int threads, int groups, List<ThreadNameGroup> top, List<ThreadGroupGrowth> grew) {

	/** Groups shown by default. */
	public static final int DEFAULT_TOP = 20;

	public ThreadGroupsEvidence {
		top = List.copyOf(top);
		grew = List.copyOf(grew);
	}

	/**
	 * The evidence from a grouping now and, if there is one, an earlier grouping.
	 * @param now the grouping now
	 * @param earlier the grouping to compare with, {@code null} for none
	 * @param top how many of the largest and of the grown groups to keep
	 * @return the evidence
	 */
	public static ThreadGroupsEvidence of(ThreadNameGroups now, @Nullable ThreadNameGroups earlier, int top) {
		List<ThreadGroupGrowth> grew = (earlier != null) ? now.growthSince(earlier) : List.of();
		return new ThreadGroupsEvidence(now.threads(), now.groups().size() + now.otherGroups(), now.top(top),
				grew.subList(0, Math.min(top, grew.size())));
	}

	/**
	 * The evidence as text, bounded by {@link TextBound#DEFAULT}: <pre>
	 * 5,212 live threads in 31 groups; the largest:
	 *       4,980  pool-7-thread-*
	 *         200  http-nio-8080-exec-*
	 * Grown since the check was last ok:
	 *      +4,968  pool-7-thread-*  (12 then, 4,980 now)
	 *       ≥+298  pool-*-thread-1  (at most 2 then, 300 now)
	 * </pre>
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder(64 * (this.top.size() + this.grew.size() + 2));
		text.append(String.format(Locale.ROOT, "%,d live threads in %,d groups; the largest:%n", this.threads,
				this.groups));
		for (ThreadNameGroup group : this.top) {
			text.append(String.format(Locale.ROOT, "  %,9d  %s%n", group.threads(), group.pattern()));
		}
		if (!this.grew.isEmpty()) {
			text.append("Grown since the check was last ok:\n");
			for (ThreadGroupGrowth growth : this.grew) {
				String grewBy = (growth.exact() ? "" : "≥") + String.format(Locale.ROOT, "%+,d", growth.grewBy());
				text.append(String.format(Locale.ROOT, "  %9s  %s  (%s%,d then, %,d now)%n", grewBy, growth.pattern(),
						growth.exact() ? "" : "at most ", growth.before(), growth.now()));
			}
		}
		return TextBound.DEFAULT.apply(text.toString());
	}

}
