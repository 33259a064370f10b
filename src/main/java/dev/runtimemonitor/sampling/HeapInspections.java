package dev.runtimemonitor.sampling;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap inspections the monitor takes itself: class histograms of live objects, each
 * of which collects the whole heap first. Such a collection is not one of the
 * application's: a full collection among G1's mixed ones goes below their floor by the
 * garbage they leave, and, taken as a live-set point, reads as the leak slowing down
 * right after the check rose for it. So the live set takes no point from the drops in the
 * old generation seen across a heap inspection and for a while after it (see
 * {@link LiveSetPoints}). The count moves when an inspection begins and when it ends, so
 * that a sample taken while one runs sees it too. Thread-safe.
 */
public final class HeapInspections {

	/** The running JVM's: there is one heap. */
	public static final HeapInspections PLATFORM = new HeapInspections();

	private final AtomicLong count = new AtomicLong();

	/**
	 * Note that a heap inspection begins or ends.
	 */
	public void mark() {
		this.count.incrementAndGet();
	}

	/**
	 * How many times a heap inspection began or ended.
	 * @return the count, which only grows
	 */
	public long count() {
		return this.count.get();
	}

}
