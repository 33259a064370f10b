package dev.runtimemonitor.sampling;

/**
 * The memory of the control group the process runs in (its container, on Kubernetes).
 *
 * @param limitBytes the memory limit, or {@code -1} when there is none
 * @param usageBytes the memory the group uses, page cache included
 */
public record ContainerMemory(long limitBytes, long usageBytes) {

	/**
	 * Whether the group has a memory limit.
	 * @return {@code true} when {@link #limitBytes()} is a real limit
	 */
	public boolean hasLimit() {
		return this.limitBytes > 0;
	}

}
