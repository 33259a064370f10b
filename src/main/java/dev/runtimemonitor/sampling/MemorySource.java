package dev.runtimemonitor.sampling;

import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Heap, non-heap and every memory pool, from beans looked up once. Pool names are read
 * once too; each tick keeps only the usages.
 */
final class MemorySource implements SampleSource<MemoryFigures> {

	private final MemoryMXBean memory;

	private final MemoryPoolMXBean[] pools;

	private final String[] names;

	private final boolean[] heap;

	MemorySource(MemoryMXBean memory, List<MemoryPoolMXBean> pools) {
		this.memory = memory;
		this.pools = pools.toArray(new MemoryPoolMXBean[0]);
		this.names = new String[this.pools.length];
		this.heap = new boolean[this.pools.length];
		for (int i = 0; i < this.pools.length; i++) {
			this.names[i] = this.pools[i].getName();
			this.heap[i] = this.pools[i].getType() == MemoryType.HEAP;
		}
	}

	@Override
	public String name() {
		return "memory";
	}

	@Override
	public MemoryFigures read() {
		MemoryUsage[] usages = new MemoryUsage[this.pools.length];
		for (int i = 0; i < this.pools.length; i++) {
			usages[i] = this.pools[i].getUsage();
			if (usages[i] == null) {
				throw new IllegalStateException("Memory pool '" + this.names[i] + "' is no longer valid");
			}
		}
		return new MemoryFigures(MemoryArea.of(this.memory.getHeapMemoryUsage()),
				MemoryArea.of(this.memory.getNonHeapMemoryUsage()), new PoolUsages(this.names, this.heap, usages));
	}

}
