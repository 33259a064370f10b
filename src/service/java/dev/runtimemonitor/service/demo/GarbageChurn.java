package dev.runtimemonitor.service.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Allocation churn that makes the collector work: one thread allocates at a set rate for
 * a set time, and keeps its most recent allocations alive for a moment, so each young
 * collection has survivors to copy rather than an empty eden to drop. One churn at a
 * time, for at most the configured duration, on one thread: it can cost at most a core.
 */
public final class GarbageChurn implements AutoCloseable {

	/** The highest allocation rate a churn may ask for. */
	public static final int MAX_MEGABYTES_PER_SECOND = 10_000;

	private static final int MEGABYTE = 1024 * 1024;

	private static final int CHUNK_BYTES = 16 * 1024;

	private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	/** Survivors kept alive: this share of the maximum heap, and at most 8MB. */
	private static final long SURVIVOR_SHARE = 32;

	private static final long MAX_SURVIVOR_BYTES = 8L * MEGABYTE;

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final Duration maxDuration;

	private final Duration stopTimeout;

	private final ThreadFactory threads;

	private final AtomicLong allocatedBytes = new AtomicLong();

	private @Nullable Thread running;

	private volatile boolean stopRequested;

	/**
	 * Create a churn that runs for at most the given time.
	 * @param maxDuration the longest a churn may run
	 */
	public GarbageChurn(Duration maxDuration) {
		this(maxDuration, STOP_TIMEOUT, Thread.ofPlatform().name("demo-garbage").daemon(true).factory());
	}

	/**
	 * Create a churn whose thread comes from the given factory.
	 * @param maxDuration the longest a churn may run
	 * @param stopTimeout how long {@link #stop()} waits for the churn's thread to end
	 * @param threads makes the churn's thread
	 */
	GarbageChurn(Duration maxDuration, Duration stopTimeout, ThreadFactory threads) {
		this.maxDuration = maxDuration;
		this.stopTimeout = stopTimeout;
		this.threads = threads;
	}

	/**
	 * Start churning.
	 * @param megabytesPerSecond the allocation rate, from 1 to
	 * {@value #MAX_MEGABYTES_PER_SECOND}
	 * @param seconds how long, from 1 to the configured maximum
	 * @return when the churn ends by itself
	 */
	public synchronized Instant start(int megabytesPerSecond, int seconds) {
		if (megabytesPerSecond < 1 || megabytesPerSecond > MAX_MEGABYTES_PER_SECOND) {
			throw DemoRefusedException
				.badParameter("'megabytesPerSecond' must be between 1 and " + MAX_MEGABYTES_PER_SECOND);
		}
		long maxSeconds = this.maxDuration.toSeconds();
		if (seconds < 1 || seconds > maxSeconds) {
			throw DemoRefusedException.badParameter("'seconds' must be between 1 and " + maxSeconds
					+ " (demo.garbage.max-duration=" + this.maxDuration + ")");
		}
		if (isRunning()) {
			throw DemoRefusedException.conflict("A churn is already running; DELETE /demo/garbage stops it");
		}
		this.stopRequested = false;
		this.allocatedBytes.set(0);
		long bytesPerSlice = (long) megabytesPerSecond * MEGABYTE * SLICE_NANOS / TimeUnit.SECONDS.toNanos(1);
		long endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		Thread thread = this.threads.newThread(() -> churn(bytesPerSlice, endNanos));
		thread.start();
		this.running = thread;
		return Instant.now().plusSeconds(seconds);
	}

	private void churn(long bytesPerSlice, long endNanos) {
		long survivorBytes = Math.min(MAX_SURVIVOR_BYTES, Runtime.getRuntime().maxMemory() / SURVIVOR_SHARE);
		byte[][] survivors = new byte[(int) Math.max(1, survivorBytes / CHUNK_BYTES)][];
		int cursor = 0;
		long sliceEnd = System.nanoTime();
		while (!this.stopRequested && System.nanoTime() - endNanos < 0) {
			for (long bytes = 0; bytes < bytesPerSlice; bytes += CHUNK_BYTES) {
				survivors[cursor] = new byte[CHUNK_BYTES];
				cursor = (cursor + 1) % survivors.length;
			}
			this.allocatedBytes.addAndGet(bytesPerSlice);
			sliceEnd += SLICE_NANOS;
			long wait = sliceEnd - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			else {
				// Behind schedule: the rate is more than one thread allocates; go flat
				// out without building up a debt to repay later.
				sliceEnd = System.nanoTime();
			}
		}
	}

	/**
	 * Stop the churn, if one runs, and wait until its thread has ended. A thread that
	 * has not ended within the stop timeout still counts as running: it may still
	 * allocate, and a second churn must not start beside it.
	 * @return whether a churn was running and its thread has ended
	 */
	public synchronized boolean stop() {
		Thread thread = this.running;
		if (thread == null || !thread.isAlive()) {
			this.running = null;
			return false;
		}
		this.stopRequested = true;
		try {
			thread.join(this.stopTimeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (thread.isAlive()) {
			return false;
		}
		this.running = null;
		return true;
	}

	/**
	 * Whether a churn is running.
	 * @return {@code true} until the churn ends or is stopped
	 */
	public synchronized boolean isRunning() {
		return this.running != null && this.running.isAlive();
	}

	/**
	 * What the current or last churn allocated.
	 * @return megabytes allocated
	 */
	public long allocatedMegabytes() {
		return this.allocatedBytes.get() / MEGABYTE;
	}

	@Override
	public void close() {
		stop();
	}

}
