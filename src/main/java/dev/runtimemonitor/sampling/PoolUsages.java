package dev.runtimemonitor.sampling;

import java.lang.management.MemoryUsage;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The pools of one snapshot as a list that builds its elements when read. A tick keeps
 * only the usages the beans returned, in an array beside names shared by every snapshot,
 * so that sampling allocates next to nothing beyond what the beans do.
 */
final class PoolUsages extends AbstractList<MemoryPoolFigures> implements RandomAccess {

	private final String[] names;

	private final boolean[] heap;

	private final MemoryUsage[] usages;

	PoolUsages(String[] names, boolean[] heap, MemoryUsage[] usages) {
		this.names = names;
		this.heap = heap;
		this.usages = usages;
	}

	@Override
	public MemoryPoolFigures get(int index) {
		return new MemoryPoolFigures(this.names[index], this.heap[index], MemoryArea.of(this.usages[index]));
	}

	@Override
	public int size() {
		return this.usages.length;
	}

}
