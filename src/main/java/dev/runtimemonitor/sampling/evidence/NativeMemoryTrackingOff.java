package dev.runtimemonitor.sampling.evidence;

/**
 * Native Memory Tracking is off, so the JVM cannot tell where its native memory goes; the
 * advice says how to turn it on and what that costs.
 *
 * @param advice what to do
 */
public record NativeMemoryTrackingOff(String advice) implements NativeMemoryEvidence {

	/** The advice for a JVM without Native Memory Tracking. */
	public static final NativeMemoryTrackingOff ADVICE = new NativeMemoryTrackingOff(
			"Native Memory Tracking is off, so the JVM cannot tell where its memory outside the heap goes. "
					+ "Start it with -XX:NativeMemoryTracking=summary (it cannot be turned on in a running JVM) "
					+ "and this capture shows reserved and committed memory per category: heap, class metadata, "
					+ "thread stacks, code cache, GC structures, compiler, internal and other malloc. "
					+ "It costs a 16-byte header on every block the JVM itself mallocs and NMT's own tables "
					+ "(the summary's 'Native Memory Tracking' category; a few hundred KB on a small service), "
					+ "and some speed: Oracle's troubleshooting guide puts it at 5-10 % for the JVM's own "
					+ "allocations; summary is the cheaper mode, detail records a call stack per allocation.");

	@Override
	public String text() {
		return this.advice + "\n";
	}

}
