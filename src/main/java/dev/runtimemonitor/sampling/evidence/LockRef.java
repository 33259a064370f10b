package dev.runtimemonitor.sampling.evidence;

/**
 * A lock as the JVM names it: the lock object's class and identity hash code, the
 * {@code java.lang.management.LockInfo} of a thread dump.
 *
 * @param className the lock object's class, such as
 * {@code java.util.concurrent.locks.ReentrantLock$NonfairSync}
 * @param identityHashCode the lock object's identity hash code
 */
public record LockRef(String className, int identityHashCode) {

	/**
	 * The lock as thread dumps write it.
	 * @return for example {@code java.lang.Object@1b6d3586}
	 */
	@Override
	public String toString() {
		return this.className + "@" + Integer.toHexString(this.identityHashCode);
	}

}
