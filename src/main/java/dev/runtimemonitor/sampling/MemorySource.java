package dev.runtimemonitor.sampling;

import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap, non-heap and every memory pool, from beans looked up once.
 */
final class MemorySource implements SampleSource<MemoryFigures> {

	private final MemoryMXBean memory;

	private final List<MemoryPoolMXBean> pools;

	MemorySource(MemoryMXBean memory, List<MemoryPoolMXBean> pools) {
		this.memory = memory;
		this.pools = List.copyOf(pools);
	}

	@Override
	public String name() {
		return "memory";
	}

	@Override
	public MemoryFigures read() {
		List<MemoryPoolFigures> pools = new ArrayList<>(this.pools.size());
		for (MemoryPoolMXBean pool : this.pools) {
			if (pool.isValid()) {
				pools.add(new MemoryPoolFigures(pool.getName(), pool.getType() == MemoryType.HEAP,
						MemoryArea.of(pool.getUsage())));
			}
		}
		return new MemoryFigures(MemoryArea.of(this.memory.getHeapMemoryUsage()),
				MemoryArea.of(this.memory.getNonHeapMemoryUsage()), pools);
	}

}
