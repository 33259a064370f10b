package dev.runtimemonitor.monitor.evidence;

/**
 * Told about each capture, on the monitor's thread, right after it is taken.
 */
@FunctionalInterface
public interface EvidenceListener {

	/**
	 * A capture was taken, or refused.
	 * @param evidence what was captured, and for which checks
	 */
	void onEvidence(Evidence evidence);

}
