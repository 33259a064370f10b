package dev.runtimemonitor.sampling;

import java.lang.management.BufferPoolMXBean;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Direct and mapped buffer pools, with the direct-memory limit read once.
 */
final class BufferSource implements SampleSource<BufferFigures> {

	private final @Nullable BufferPoolMXBean direct;

	private final @Nullable BufferPoolMXBean mapped;

	private final long maxDirect;

	BufferSource(List<BufferPoolMXBean> pools, long maxDirect) {
		this.direct = find(pools, "direct");
		this.mapped = find(pools, "mapped");
		this.maxDirect = maxDirect;
	}

	private static @Nullable BufferPoolMXBean find(List<BufferPoolMXBean> pools, String name) {
		return pools.stream().filter((pool) -> pool.getName().equals(name)).findFirst().orElse(null);
	}

	@Override
	public String name() {
		return "buffers";
	}

	@Override
	public boolean isSupported() {
		return this.direct != null && this.mapped != null;
	}

	@Override
	public BufferFigures read() {
		return new BufferFigures(figures(this.direct), figures(this.mapped), this.maxDirect);
	}

	private static BufferPoolFigures figures(@Nullable BufferPoolMXBean pool) {
		if (pool == null) {
			throw new IllegalStateException("Buffer pool missing");
		}
		return new BufferPoolFigures(pool.getCount(), pool.getMemoryUsed(), pool.getTotalCapacity());
	}

}
