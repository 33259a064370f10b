package dev.runtimemonitor.monitor.evidence;

/**
 * Takes one kind of evidence, on the monitor's thread, when the recorder asks.
 */
@FunctionalInterface
public interface EvidenceCapture {

	/**
	 * Take the evidence now.
	 * @return what was found, or why nothing was
	 * @throws RuntimeException when the capture fails; the recorder keeps the reason
	 */
	Capture capture();

	/**
	 * Told when none of the kind's checks is at warning or critical: at the first tick
	 * after start and at the tick they return there, never at every tick. A capture that
	 * compares with an earlier state (the thread groups) takes it here.
	 */
	default void checksOk() {
	}

}
