package dev.runtimemonitor.sampling;

import java.lang.management.BufferPoolMXBean;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Direct and mapped buffer pools, with the direct-memory limit read once. Not
 * thread-safe: only the sampling thread reads it.
 */
final class BufferSource implements SampleSource<BufferFigures> {

	private final @Nullable BufferPoolMXBean direct;

	private final @Nullable BufferPoolMXBean mapped;

	private final long maxDirect;

	private @Nullable BufferFigures last;

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

	/**
	 * Read both pools; the previous figures are returned as they are while neither
	 * changed, which is most of the time.
	 */
	@Override
	public BufferFigures read() {
		BufferPoolFigures direct = figures(this.direct, (this.last != null) ? this.last.direct() : null);
		BufferPoolFigures mapped = figures(this.mapped, (this.last != null) ? this.last.mapped() : null);
		BufferFigures last = this.last;
		if (last != null && last.direct() == direct && last.mapped() == mapped) {
			return last;
		}
		BufferFigures figures = new BufferFigures(direct, mapped, this.maxDirect);
		this.last = figures;
		return figures;
	}

	private static BufferPoolFigures figures(@Nullable BufferPoolMXBean pool, @Nullable BufferPoolFigures last) {
		if (pool == null) {
			throw new IllegalStateException("Buffer pool missing");
		}
		long count = pool.getCount();
		long used = pool.getMemoryUsed();
		long capacity = pool.getTotalCapacity();
		if (last != null && last.count() == count && last.used() == used && last.capacity() == capacity) {
			return last;
		}
		return new BufferPoolFigures(count, used, capacity);
	}

}
