package dev.runtimemonitor.sampling.gc;

/**
 * Told about each pause and concurrent cycle as it is recorded, on the thread that
 * delivers GC events. Must be quick and must not block.
 */
public interface GcEventListener {

	/**
	 * A pause was recorded.
	 * @param pause the pause
	 */
	void onPause(GcPause pause);

	/**
	 * A concurrent cycle was recorded.
	 * @param cycle the cycle
	 */
	default void onConcurrentCycle(ConcurrentCycle cycle) {
	}

}
