package dev.runtimemonitor.sampling.jvm;

/**
 * How the maximum heap was sized.
 *
 * @param maxBytes the maximum heap ({@code MaxHeapSize}), or {@code -1} when unknown
 * @param maxExplicit whether it was set, with {@code -Xmx} or {@code -XX:MaxHeapSize},
 * rather than derived from the memory the JVM sees
 * @param maxRamPercentage the share of memory the heap may take when no maximum is set
 * ({@code MaxRAMPercentage}, 25 by default), or {@code NaN} when unknown
 * @param maxRamPercentageExplicit whether {@code MaxRAMPercentage} was set
 * @param softMaxBytes the soft maximum the collector tries to stay under
 * ({@code SoftMaxHeapSize}), or {@code -1} when unknown
 * @param softMaxExplicit whether {@code SoftMaxHeapSize} was set
 */
public record HeapSizing(long maxBytes, boolean maxExplicit, double maxRamPercentage, boolean maxRamPercentageExplicit,
		long softMaxBytes, boolean softMaxExplicit) {

	/**
	 * Whether the JVM chose the maximum heap on its own: neither {@code -Xmx} nor
	 * {@code MaxRAMPercentage} was set.
	 * @return {@code true} for a default-sized heap
	 */
	public boolean isDefault() {
		return !this.maxExplicit && !this.maxRamPercentageExplicit;
	}

}
