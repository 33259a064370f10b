package dev.runtimemonitor.sampling;

/**
 * The pauses of one cause within the window.
 *
 * @param cause why their collections ran, as the JVM names it:
 * {@code G1 Evacuation Pause}, {@code Allocation Failure}, {@code System.gc()}, ...
 * @param pauses pauses of this cause that ended within the window
 * @param pauseNanos the time they took
 * @param maxNanos the longest of them
 * @param diagnostic whether the cause is a heap inspection (a class histogram's or a heap
 * dump's collection) rather than the application: such pauses are left out of the
 * window's percentiles and of the GC overhead
 */
public record GcPauseCause(String cause, int pauses, long pauseNanos, long maxNanos, boolean diagnostic) {

}
