package dev.runtimemonitor.sampling;

import java.lang.management.MemoryUsage;

/**
 * Used, committed and maximum bytes of one memory area.
 *
 * @param used bytes in use
 * @param committed bytes the operating system has committed to the area
 * @param max the most bytes the area may grow to, or {@code -1} when the JVM sets no
 * limit
 */
public record MemoryArea(long used, long committed, long max) {

	static MemoryArea of(MemoryUsage usage) {
		return new MemoryArea(usage.getUsed(), usage.getCommitted(), usage.getMax());
	}

	/**
	 * Whether the area has a maximum size.
	 * @return {@code true} when {@link #max()} is a real limit
	 */
	public boolean hasMax() {
		return this.max > 0;
	}

}
