package dev.runtimemonitor.sampling;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The looks at the heap the monitor takes itself: a class histogram of live objects
 * collects the whole heap first. Such a collection is not one of the application's: a
 * full collection among G1's mixed ones goes below their floor by the garbage they leave,
 * and, taken as a live-set point, reads as the leak slowing down right after the check
 * rose for it. So the live set leaves out the falls seen across a look at the heap and
 * for a while after it (see {@link LiveSetPoints}). The count moves when a look begins
 * and when it ends, so that a sample taken in between sees a look too. Thread-safe.
 */
public final class HeapInspections {

	/** The running JVM's: there is one heap. */
	public static final HeapInspections PLATFORM = new HeapInspections();

	private final AtomicLong count = new AtomicLong();

	/**
	 * Note that a look at the heap begins or ends.
	 */
	public void mark() {
		this.count.incrementAndGet();
	}

	/**
	 * How many times a look began or ended.
	 * @return the count, which only grows
	 */
	public long count() {
		return this.count.get();
	}

}
