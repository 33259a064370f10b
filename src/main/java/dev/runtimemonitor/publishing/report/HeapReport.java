package dev.runtimemonitor.publishing.report;

import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.MemoryArea;
import dev.runtimemonitor.sampling.MemoryFigures;
import org.jspecify.annotations.Nullable;

/**
 * The heap analysis: the Go original's heap efficiency and fragmentation figures, the JVM
 * way.
 *
 * @param usedBytes heap in use now
 * @param committedBytes heap the operating system has committed
 * @param maxBytes the maximum heap, {@code null} when unlimited
 * @param usedAfterGcBytes heap in use right after the last collection (the live data),
 * {@code null} before the first
 * @param usedToCommitted used over committed: how much of the committed heap holds
 * objects
 * @param committedToMax committed over the maximum: how far the heap has grown
 * @param usedAfterGcToMax used after GC over the maximum: the pressure the heap check
 * judges
 * @param headroomBytes the maximum minus the live data: room the live data has to grow
 */
public record HeapReport(long usedBytes, long committedBytes, @Nullable Long maxBytes, @Nullable Long usedAfterGcBytes,
		@Nullable Double usedToCommitted, @Nullable Double committedToMax, @Nullable Double usedAfterGcToMax,
		@Nullable Long headroomBytes) {

	/**
	 * The analysis of a snapshot's heap.
	 * @param memory the memory figures
	 * @param gc the collection figures, or {@code null} when unknown
	 * @return the analysis
	 */
	public static HeapReport of(MemoryFigures memory, @Nullable GcFigures gc) {
		MemoryArea heap = memory.heap();
		Long max = heap.hasMax() ? heap.max() : null;
		Long afterGc = (gc != null && gc.hasHeapUsedAfterGc()) ? gc.heapUsedAfterGc() : null;
		return new HeapReport(heap.used(), heap.committed(), max, afterGc, ratio(heap.used(), heap.committed()),
				(max != null) ? ratio(heap.committed(), max) : null,
				(max != null && afterGc != null) ? ratio(afterGc, max) : null,
				(max != null && afterGc != null) ? max - afterGc : null);
	}

	private static @Nullable Double ratio(long part, long whole) {
		return (whole > 0) ? (double) part / whole : null;
	}

}
