package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Groups thread names by the numbers in them. Names with the same shape (the same text
 * around their digit runs) are one group to start with; then, digit run by digit run from
 * the left:
 * <ul>
 * <li>a run that is the same in every name of the group is kept: the {@code 8080} of
 * {@code http-nio-8080-exec-*}, the {@code 7} of {@code pool-7-thread-*} when only pool 7
 * has threads;</li>
 * <li>the last run that differs is the thread counter, which thread factories append, and
 * is written {@code *};</li>
 * <li>a run left of it whose values each stand for many of the group's names (at least
 * the square root of its size, and two) splits it: each such value is a group of its own,
 * and the names with the other values are one more group. So the 4,980 threads of
 * {@code pool-7-thread-*} stand apart from the four of {@code pool-8-thread-*} and from a
 * hundred single-thread pools, {@code pool-*-thread-1};</li>
 * <li>any other run is a number that differs from thread to thread and is written
 * {@code *}: the pool number when every pool has a thread or two (an executor made per
 * request and never shut down reads {@code pool-*-thread-1}, or {@code pool-*-thread-*}
 * with two threads each).</li>
 * </ul>
 * Every number in a name is judged the same way, so {@code 127.0.0.1} in
 * {@code RMI TCP Connection(12)-127.0.0.1} is kept and the connection number is not.
 */
final class ThreadNameGrouper {

	private ThreadNameGrouper() {
	}

	static List<ThreadNameGroup> group(Collection<String> names) {
		Map<String, List<String[]>> byShape = new LinkedHashMap<>();
		for (String name : names) {
			ThreadNamePattern parts = ThreadNamePattern.ofName(name);
			byShape.computeIfAbsent(parts.shape(), (shape) -> new ArrayList<>()).add(parts.runs());
		}
		List<ThreadNameGroup> groups = new ArrayList<>(byShape.size());
		byShape.forEach((shape, members) -> {
			int runs = members.get(0).length;
			split(shape, members, new String[runs], 0, groups);
		});
		return groups;
	}

	private static void split(String shape, List<String[]> members, @Nullable String[] kept, int from,
			List<ThreadNameGroup> groups) {
		int size = members.size();
		int heavy = Math.max(2, (int) Math.ceil(Math.sqrt(size)));
		boolean[] varies = new boolean[kept.length];
		int counter = -1;
		for (int run = from; run < kept.length; run++) {
			varies[run] = varies(members, run);
			if (varies[run]) {
				counter = run;
			}
		}
		for (int run = from; run < kept.length; run++) {
			if (!varies[run] || run == counter) {
				kept[run] = varies[run] ? null : members.get(0)[run];
				continue;
			}
			Map<String, Integer> counts = counts(members, run);
			Set<String> heavyValues = new HashSet<>();
			counts.forEach((value, count) -> {
				if (count >= heavy) {
					heavyValues.add(value);
				}
			});
			if (heavyValues.isEmpty()) {
				kept[run] = null;
				continue;
			}
			Map<String, List<String[]>> parts = new LinkedHashMap<>();
			List<String[]> rest = new ArrayList<>();
			for (String[] member : members) {
				String value = member[run];
				if (heavyValues.contains(value)) {
					parts.computeIfAbsent(value, (key) -> new ArrayList<>()).add(member);
				}
				else {
					rest.add(member);
				}
			}
			for (Map.Entry<String, List<String[]>> part : parts.entrySet()) {
				@Nullable String[] partKept = kept.clone();
				partKept[run] = part.getKey();
				split(shape, part.getValue(), partKept, run + 1, groups);
			}
			if (!rest.isEmpty()) {
				@Nullable String[] restKept = kept.clone();
				restKept[run] = (counts.size() - heavyValues.size() == 1) ? rest.get(0)[run] : null;
				split(shape, rest, restKept, run + 1, groups);
			}
			return;
		}
		groups.add(new ThreadNameGroup(ThreadNamePattern.write(shape, kept), size));
	}

	private static boolean varies(List<String[]> members, int run) {
		String first = members.get(0)[run];
		for (String[] member : members) {
			if (!first.equals(member[run])) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Integer> counts(List<String[]> members, int run) {
		Map<String, Integer> counts = new HashMap<>();
		for (String[] member : members) {
			counts.merge(member[run], 1, Integer::sum);
		}
		return counts;
	}

}
