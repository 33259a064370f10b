package dev.runtimemonitor.sampling;

/**
 * The memory of the control group the process runs in (its container, on Kubernetes).
 * <p>
 * Its working set is what the kernel and the kubelet judge against the limit, as cAdvisor
 * and {@code kubectl top} compute it: the usage less the inactive file cache (which the
 * kernel can drop instead of killing), never below zero. Unlike the process's resident
 * memory it counts the page cache in active use, files in memory-backed volumes, and
 * every other process in the group.
 *
 * @param limitBytes the memory limit, or {@code -1} when there is none
 * @param usageBytes the memory the group uses, page cache included
 * ({@code memory.current} in cgroup v2, {@code memory.usage_in_bytes} in v1)
 * @param workingSetBytes the usage less the inactive file cache, or {@code -1} when
 * unknown
 * @param inactiveFileBytes the inactive file cache in that usage ({@code inactive_file}
 * in v2's {@code memory.stat}, {@code total_inactive_file} in v1's), or {@code -1} when
 * unknown
 */
public record ContainerMemory(long limitBytes, long usageBytes, long workingSetBytes, long inactiveFileBytes) {

	/**
	 * The memory of a group whose working set is unknown.
	 * @param limitBytes the memory limit, or {@code -1} when there is none
	 * @param usageBytes the memory the group uses, page cache included
	 */
	public ContainerMemory(long limitBytes, long usageBytes) {
		this(limitBytes, usageBytes, -1, -1);
	}

	/**
	 * Whether the group has a memory limit.
	 * @return {@code true} when {@link #limitBytes()} is a real limit
	 */
	public boolean hasLimit() {
		return this.limitBytes > 0;
	}

	/**
	 * Whether the working set is known.
	 * @return {@code true} when {@link #workingSetBytes()} is a real figure
	 */
	public boolean hasWorkingSet() {
		return this.workingSetBytes >= 0;
	}

}
