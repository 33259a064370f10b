package dev.runtimemonitor.sampling.jvm;

/**
 * The garbage collector in use and the settings that shape it.
 *
 * @param collector the collector
 * @param explicit whether it was chosen with a {@code -XX:+Use...GC} flag rather than by
 * the JVM's ergonomics
 * @param pauseGoalMillis G1's pause-time goal ({@code MaxGCPauseMillis}), or {@code -1}
 * for the other collectors, which have none by default
 * @param periodicGcIntervalMillis G1's {@code G1PeriodicGCInterval} (0 is off), or
 * {@code -1} for the other collectors
 * @param uncommitsWhenIdle whether the collector gives unused heap back to the operating
 * system without a full collection: ZGC with {@code ZUncommit}, Shenandoah, G1 with
 * periodic collections
 */
public record GcChoice(Collector collector, boolean explicit, long pauseGoalMillis, long periodicGcIntervalMillis,
		boolean uncommitsWhenIdle) {

	/**
	 * Whether a pause-time goal is set.
	 * @return {@code true} for G1
	 */
	public boolean hasPauseGoal() {
		return this.pauseGoalMillis > 0;
	}

}
