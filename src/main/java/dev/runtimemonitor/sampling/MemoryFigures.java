package dev.runtimemonitor.sampling;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Heap and non-heap memory, with every memory pool.
 *
 * @param heap the whole heap
 * @param nonHeap everything outside the heap that the JVM accounts for (Metaspace, code
 * cache, ...)
 * @param pools each memory pool
 * @param liveSet the old generation's usage after each collection seen to reclaim old
 * objects
 */
public record MemoryFigures(MemoryArea heap, MemoryArea nonHeap, List<MemoryPoolFigures> pools, LiveSetPoints liveSet) {

	/**
	 * The pool of the given name.
	 * @param name the pool's name, as the JVM gives it
	 * @return the pool, or {@code null} when this JVM has no such pool
	 */
	public @Nullable MemoryPoolFigures pool(String name) {
		for (MemoryPoolFigures pool : this.pools) {
			if (pool.name().equals(name)) {
				return pool;
			}
		}
		return null;
	}

}
