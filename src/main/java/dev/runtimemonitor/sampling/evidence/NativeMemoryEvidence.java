package dev.runtimemonitor.sampling.evidence;

/**
 * The evidence for a container-memory check: where the JVM's native memory goes, when
 * Native Memory Tracking is on, or how to turn it on.
 */
public sealed interface NativeMemoryEvidence permits NativeMemorySummary, NativeMemoryTrackingOff {

	/**
	 * The evidence as text, bounded by {@link TextBound#DEFAULT}.
	 * @return the text
	 */
	String text();

}
