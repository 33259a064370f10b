package dev.runtimemonitor.service.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Live heap held on purpose, as a leaking cache would hold it. All that is retained
 * together stays below a share of the maximum heap, so the service itself keeps room to
 * answer. It is held in 64KB arrays: G1 places an object of half a region or more (a
 * region is 1MB in a small heap) in whole regions of its own, so megabyte arrays would
 * take twice the heap they hold.
 * <p>
 * The {@code heap} check judges the heap in use right after a collection, which only
 * moves when a collection runs. So retaining and releasing both request one
 * ({@link System#gc()}): the check sees the change at its next sample instead of after
 * the next natural collection, whose timing depends on traffic. A JVM started with
 * {@code -XX:+DisableExplicitGC} ignores the request and the check follows the next
 * natural collection.
 */
public final class RetainedHeap implements AutoCloseable {

	private static final int MEGABYTE = 1024 * 1024;

	private static final int CHUNK_BYTES = 64 * 1024;

	private static final int CHUNKS_PER_MEGABYTE = MEGABYTE / CHUNK_BYTES;

	private final List<byte[][]> retained = new ArrayList<>();

	private final double maxShare;

	private final LongSupplier maxHeap;

	private final Runnable collection;

	/**
	 * Create a retained heap bounded by a share of the JVM's maximum heap.
	 * @param maxShare the share of the maximum heap that may be retained, in (0, 1)
	 */
	public RetainedHeap(double maxShare) {
		this(maxShare, () -> Runtime.getRuntime().maxMemory(), System::gc);
	}

	RetainedHeap(double maxShare, LongSupplier maxHeap, Runnable collection) {
		this.maxShare = maxShare;
		this.maxHeap = maxHeap;
		this.collection = collection;
	}

	/**
	 * Retain more heap and request a collection.
	 * @param megabytes how much more, from 1 to what the bound leaves room for
	 * @return the megabytes retained now
	 */
	public synchronized int retain(int megabytes) {
		int room = limitMegabytes() - this.retained.size();
		if (megabytes < 1 || megabytes > room) {
			throw DemoRefusedException.badParameter("'megabytes' must be between 1 and " + Math.max(room, 0)
					+ " (at most " + limitMegabytes() + "MB, " + Math.round(this.maxShare * 100)
					+ "% of the maximum heap; " + this.retained.size() + "MB retained)");
		}
		int before = this.retained.size();
		try {
			for (int i = 0; i < megabytes; i++) {
				byte[][] megabyte = new byte[CHUNKS_PER_MEGABYTE][];
				for (int chunk = 0; chunk < CHUNKS_PER_MEGABYTE; chunk++) {
					megabyte[chunk] = new byte[CHUNK_BYTES];
				}
				this.retained.add(megabyte);
			}
		}
		catch (OutOfMemoryError ex) {
			// Only our own allocation ran out: give back what this request took.
			this.retained.subList(before, this.retained.size()).clear();
			throw DemoRefusedException.conflict(
					"The heap has no room for " + megabytes + "MB more; " + this.retained.size() + "MB are retained");
		}
		this.collection.run();
		return this.retained.size();
	}

	/**
	 * Let go of everything retained and request a collection.
	 * @return the megabytes released
	 */
	public synchronized int release() {
		int released = this.retained.size();
		this.retained.clear();
		this.collection.run();
		return released;
	}

	/**
	 * How much is retained.
	 * @return the megabytes retained now
	 */
	public synchronized int retainedMegabytes() {
		return this.retained.size();
	}

	/**
	 * The most that may be retained.
	 * @return the bound in megabytes
	 */
	public int limitMegabytes() {
		return (int) (this.maxHeap.getAsLong() * this.maxShare / MEGABYTE);
	}

	/**
	 * The maximum heap the bound is a share of.
	 * @return the maximum heap in megabytes
	 */
	public int maxHeapMegabytes() {
		return (int) (this.maxHeap.getAsLong() / MEGABYTE);
	}

	@Override
	public synchronized void close() {
		this.retained.clear();
	}

}
