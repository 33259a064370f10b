package dev.runtimemonitor.monitor.evidence;

/**
 * Takes the captures of one kind, on the monitor's thread, when the recorder asks: reads
 * the kind's source and writes what it found.
 */
@FunctionalInterface
public interface Capturer {

	/**
	 * Take a capture now.
	 * @return what it says, or why nothing was taken
	 * @throws RuntimeException when the capture fails; the recorder keeps the reason
	 */
	Capture capture();

	/**
	 * Told when none of the kind's checks is at warning or critical: at the first tick
	 * after start and at the tick they return there, never at every tick. A capturer that
	 * compares with an earlier state (the thread groups) takes it here.
	 */
	default void checksOk() {
	}

}
