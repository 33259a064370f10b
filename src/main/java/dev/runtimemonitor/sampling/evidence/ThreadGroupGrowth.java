package dev.runtimemonitor.sampling.evidence;

/**
 * How a group of threads changed between two groupings.
 *
 * @param pattern the group's pattern, such as {@code pool-7-thread-*}
 * @param before its threads in the earlier grouping; when not {@code exact}, the most it
 * can have had
 * @param now its threads now
 * @param exact whether {@code before} is exact, rather than an upper bound because the
 * earlier grouping cut the same names more coarsely
 */
public record ThreadGroupGrowth(String pattern, int before, int now, boolean exact) {

	/**
	 * How many threads the group gained; when not {@link #exact()}, at least.
	 * @return {@code now - before}; negative when it shrank
	 */
	public int grewBy() {
		return this.now - this.before;
	}

}
