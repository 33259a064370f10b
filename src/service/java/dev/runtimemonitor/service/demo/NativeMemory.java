package dev.runtimemonitor.service.demo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Memory outside the heap, held on purpose in direct buffers, to rehearse the way to an
 * OOM kill: the container's working set grows while the heap does not. It grows at once or
 * at a set rate, one megabyte at a time, on one thread, up to a configured bound (and the
 * JVM's own {@code -XX:MaxDirectMemorySize}). Releasing lets go of the buffers and
 * requests a collection, whose cleaners give the memory back to the operating system.
 */
public final class NativeMemory implements AutoCloseable {

	private static final int MEGABYTE = 1024 * 1024;

	private static final long STOP_TIMEOUT_MILLIS = 10_000;

	private final int maxMegabytes;

	private final Runnable collection;

	private final List<ByteBuffer> held = new ArrayList<>();

	private @Nullable Thread growing;

	private volatile boolean stopRequested;

	private volatile @Nullable String failure;

	/**
	 * Create the scenario.
	 * @param maxMegabytes the most it may hold
	 */
	public NativeMemory(int maxMegabytes) {
		this(maxMegabytes, System::gc);
	}

	NativeMemory(int maxMegabytes, Runnable collection) {
		this.maxMegabytes = maxMegabytes;
		this.collection = collection;
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
	 * Stop growing, let go of everything held and request a collection.
	 * @return the megabytes released
	 */
	public synchronized int release() {
		stop();
		int released;
		synchronized (this.held) {
			released = this.held.size();
			this.held.clear();
		}
		this.collection.run();
		return released;
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

}
