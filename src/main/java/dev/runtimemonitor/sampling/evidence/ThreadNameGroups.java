package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live threads grouped by name, largest group first. Names group when they differ only in
 * numbers; a number that is the same in all of them stays, one that differs from thread
 * to thread is written {@code *}: {@code http-nio-8080-exec-*}, {@code pool-7-thread-*}
 * (the rules are those of {@code ThreadNameGrouper}). Bounded: the groups beyond the
 * largest {@code maxGroups} are only counted, so that an earlier grouping kept for
 * comparison stays small.
 *
 * @param threads the live threads grouped
 * @param groups the largest groups, largest first
 * @param otherGroups how many groups were left out
 * @param otherThreads the threads in the groups left out
 */
public record ThreadNameGroups(int threads, List<ThreadNameGroup> groups, int otherGroups, int otherThreads) {

	/** Groups kept by default. */
	public static final int DEFAULT_MAX_GROUPS = 256;

	private static final Comparator<ThreadNameGroup> LARGEST_FIRST = Comparator.comparingInt(ThreadNameGroup::threads)
		.reversed()
		.thenComparing(ThreadNameGroup::pattern);

	public ThreadNameGroups {
		groups = List.copyOf(groups);
	}

	/**
	 * Group thread names, keeping the {@value #DEFAULT_MAX_GROUPS} largest groups.
	 * @param names the names of the live threads
	 * @return the grouping
	 */
	public static ThreadNameGroups of(Collection<String> names) {
		return of(names, DEFAULT_MAX_GROUPS);
	}

	/**
	 * Group thread names.
	 * @param names the names of the live threads
	 * @param maxGroups the most groups to keep
	 * @return the grouping
	 */
	public static ThreadNameGroups of(Collection<String> names, int maxGroups) {
		List<ThreadNameGroup> all = new ArrayList<>(ThreadNameGrouper.group(names));
		all.sort(LARGEST_FIRST);
		List<ThreadNameGroup> kept = all.subList(0, Math.min(maxGroups, all.size()));
		int otherThreads = names.size() - kept.stream().mapToInt(ThreadNameGroup::threads).sum();
		return new ThreadNameGroups(names.size(), kept, all.size() - kept.size(), otherThreads);
	}

	/**
	 * The largest groups.
	 * @param count how many
	 * @return at most {@code count} groups, largest first
	 */
	public List<ThreadNameGroup> top(int count) {
		return this.groups.subList(0, Math.min(count, this.groups.size()));
	}

	/**
	 * The groups that gained threads since an earlier grouping, most gained first. A
	 * group's threads then are the threads of the earlier groups whose names it may
	 * share: {@code pool-7-thread-*} now counts {@code pool-7-thread-*},
	 * {@code pool-7-thread-1} and {@code pool-*-thread-1} then, not
	 * {@code pool-8-thread-*}. Where an earlier group covers more names than the group
	 * now ({@code pool-*-thread-1} then for {@code pool-7-thread-*} now), all its threads
	 * count, so the growth is a lower bound, and says so
	 * ({@link ThreadGroupGrowth#exact()} is {@code false}). Earlier groups that were left
	 * out count as no threads.
	 * @param earlier the earlier grouping
	 * @return the groups that grew
	 */
	public List<ThreadGroupGrowth> growthSince(ThreadNameGroups earlier) {
		Map<String, List<ThreadNamePattern>> thenByShape = new LinkedHashMap<>();
		Map<ThreadNamePattern, Integer> thenThreads = new LinkedHashMap<>();
		for (ThreadNameGroup group : earlier.groups) {
			ThreadNamePattern pattern = ThreadNamePattern.ofPattern(group.pattern());
			thenByShape.computeIfAbsent(pattern.shape(), (shape) -> new ArrayList<>(2)).add(pattern);
			thenThreads.merge(pattern, group.threads(), Integer::sum);
		}
		List<ThreadGroupGrowth> growth = new ArrayList<>();
		for (ThreadNameGroup group : this.groups) {
			ThreadNamePattern pattern = ThreadNamePattern.ofPattern(group.pattern());
			int before = 0;
			boolean exact = true;
			for (ThreadNamePattern then : thenByShape.getOrDefault(pattern.shape(), List.of())) {
				if (!pattern.isDisjointFrom(then)) {
					before += thenThreads.get(then);
					exact &= pattern.covers(then);
				}
			}
			if (group.threads() > before) {
				growth.add(new ThreadGroupGrowth(group.pattern(), before, group.threads(), exact));
			}
		}
		growth.sort(Comparator.comparingInt(ThreadGroupGrowth::grewBy)
			.reversed()
			.thenComparing(ThreadGroupGrowth::pattern));
		return List.copyOf(growth);
	}

}
