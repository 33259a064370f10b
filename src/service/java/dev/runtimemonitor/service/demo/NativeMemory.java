package dev.runtimemonitor.service.demo;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import dev.runtimemonitor.sampling.evidence.DiagnosticCommand;
import org.jspecify.annotations.Nullable;

/**
 * Memory outside the heap, held on purpose in direct buffers, to rehearse the way to an
 * OOM kill: the container's working set grows while the heap does not. It grows at once or
 * at a set rate, one megabyte at a time, on one thread, up to a configured bound (and the
 * JVM's own {@code -XX:MaxDirectMemorySize}). Releasing lets go of the buffers and
 * requests a collection, whose cleaners free the memory; then it trims the native heap
 * ({@code jcmd System.trim_native_heap}), since the C library keeps freed megabyte
 * blocks for reuse and the container's memory would not fall.
 */
public final class NativeMemory implements AutoCloseable {

	private static final int MEGABYTE = 1024 * 1024;

	private static final long STOP_TIMEOUT_MILLIS = 10_000;

	/** The longest the buffers' cleaners are given to free what was let go of. */
	private static final long FREE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final int maxMegabytes;

	private final Runnable collection;

	private final LongSupplier directBytes;

	private final BooleanSupplier trim;

	private final List<ByteBuffer> held = new ArrayList<>();

	private @Nullable Thread growing;

	private volatile boolean stopRequested;

	private volatile @Nullable String failure;

	/**
	 * Create the scenario.
	 * @param maxMegabytes the most it may hold
	 */
	public NativeMemory(int maxMegabytes) {
		this(maxMegabytes, System::gc, NativeMemory::directBufferBytes, NativeMemory::trimNativeHeap);
	}

	/**
	 * Create the scenario with what it calls on release.
	 * @param maxMegabytes the most it may hold
	 * @param collection requests a collection
	 * @param directBytes the memory direct buffers hold, in bytes
	 * @param trim hands freed native memory back to the operating system, returning
	 * whether it could
	 */
	NativeMemory(int maxMegabytes, Runnable collection, LongSupplier directBytes, BooleanSupplier trim) {
		this.maxMegabytes = maxMegabytes;
		this.collection = collection;
		this.directBytes = directBytes;
		this.trim = trim;
	}

	/**
	 * Hold more native memory.
	 * @param megabytes how much more, from 1 to what the bound leaves room for
	 * @param megabytesPerSecond how fast: 0 for all at once, else from 1 to 1024
	 * @return the megabytes held now (still growing when a rate is given)
	 */
	public synchronized int grow(int megabytes, int megabytesPerSecond) {
		int room = this.maxMegabytes - heldMegabytes();
		if (megabytes < 1 || megabytes > room) {
			throw DemoRefusedException.badParameter("'megabytes' must be between 1 and " + Math.max(room, 0)
					+ " (demo.native-memory.max-megabytes=" + this.maxMegabytes + "; " + heldMegabytes() + "MB held)");
		}
		if (megabytesPerSecond < 0 || megabytesPerSecond > 1024) {
			throw DemoRefusedException.badParameter("'megabytesPerSecond' must be between 0 (at once) and 1024");
		}
		if (isGrowing()) {
			throw DemoRefusedException.conflict("Native memory is already growing; DELETE /demo/native stops it");
		}
		this.failure = null;
		this.stopRequested = false;
		if (megabytesPerSecond == 0) {
			for (int i = 0; i < megabytes && allocate(); i++) {
				// One megabyte at a time until done or refused.
			}
			return heldMegabytes();
		}
		long pauseNanos = TimeUnit.SECONDS.toNanos(1) / megabytesPerSecond;
		Thread thread = Thread.ofPlatform()
			.name("demo-native")
			.daemon(true)
			.unstarted(() -> grow(megabytes, pauseNanos));
		thread.start();
		this.growing = thread;
		return heldMegabytes();
	}

	private void grow(int megabytes, long pauseNanos) {
		long next = System.nanoTime();
		for (int i = 0; i < megabytes && !this.stopRequested && allocate(); i++) {
			next += pauseNanos;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}
	}

	/**
	 * Allocate one more megabyte: the JVM zeroes it, so every page is resident at once.
	 * @return whether it could
	 */
	private boolean allocate() {
		try {
			ByteBuffer buffer = ByteBuffer.allocateDirect(MEGABYTE);
			synchronized (this.held) {
				this.held.add(buffer);
			}
			return true;
		}
		catch (OutOfMemoryError ex) {
			this.failure = ex.getMessage();
			return false;
		}
	}

	/**
	 * Stop growing, let go of everything held, request a collection, wait for the
	 * buffers' cleaners to free the memory and trim the native heap.
	 * @return the megabytes released, and whether the native heap was trimmed
	 */
	public synchronized Released release() {
		stop();
		int released;
		long before = this.directBytes.getAsLong();
		synchronized (this.held) {
			released = this.held.size();
			this.held.clear();
		}
		this.collection.run();
		awaitFreed(Math.max(0, before - (long) released * MEGABYTE));
		return new Released(released, this.trim.getAsBoolean());
	}

	/**
	 * Wait, bounded, until direct buffers hold no more than a number of bytes: cleaners
	 * run on their own thread after the collection.
	 */
	private void awaitFreed(long bytes) {
		long deadline = System.nanoTime() + FREE_TIMEOUT_NANOS;
		while (this.directBytes.getAsLong() > bytes && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	private static long directBufferBytes() {
		for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
			if (pool.getName().equals("direct")) {
				return pool.getMemoryUsed();
			}
		}
		return 0;
	}

	/**
	 * Trim the native heap, where the JVM can (glibc).
	 * @return whether it did
	 */
	private static boolean trimNativeHeap() {
		try {
			return DiagnosticCommand.platform().map((command) -> command.run("systemTrimNativeHeap")).isPresent();
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * How much is held.
	 * @return the megabytes held now
	 */
	public int heldMegabytes() {
		synchronized (this.held) {
			return this.held.size();
		}
	}

	/**
	 * Why the last growth stopped short, if it did.
	 * @return the JVM's message, or {@code null}
	 */
	public @Nullable String failure() {
		return this.failure;
	}

	/**
	 * The most it may hold.
	 * @return the bound in megabytes
	 */
	public int limitMegabytes() {
		return this.maxMegabytes;
	}

	private boolean isGrowing() {
		Thread thread = this.growing;
		return thread != null && thread.isAlive();
	}

	private void stop() {
		this.stopRequested = true;
		Thread thread = this.growing;
		if (thread != null) {
			try {
				thread.join(STOP_TIMEOUT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.growing = null;
	}

	@Override
	public void close() {
		release();
	}

	/**
	 * What a release did.
	 *
	 * @param megabytes the megabytes let go of
	 * @param trimmed whether the native heap was trimmed, so that the memory went back to
	 * the operating system
	 */
	public record Released(int megabytes, boolean trimmed) {
	}

}
