package dev.runtimemonitor.testsupport;

import dev.runtimemonitor.sampling.evidence.LockRef;

/**
 * The locks of the deadlocks the evidence tests build, as the JVM names them: two
 * {@code ReentrantLock}s and an object's monitor, with identity hash codes of the kind
 * jstack prints.
 */
public final class DeadlockLocks {

	/** A {@code ReentrantLock}'s. */
	public static final LockRef FIRST = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync", 0x5e9f23b4);

	/** Another {@code ReentrantLock}'s. */
	public static final LockRef SECOND = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync",
			0x4783da3f);

	/** A plain object's monitor, taken with {@code synchronized}. */
	public static final LockRef MONITOR = new LockRef("java.lang.Object", 0x1b6d3586);

	private DeadlockLocks() {
	}

}
