package dev.runtimemonitor.sampling.gc;

import java.time.Instant;

/**
 * One stop-the-world pause.
 *
 * @param gcId the collection the pause belongs to, as the GC log prints it
 * ({@code GC(12)}); for notifications, the collector's own collection number
 * @param collector the collection's name ({@code G1New}, {@code ZGC Minor},
 * {@code ParallelOld}, ... from JFR; the collector bean's name from notifications)
 * @param kind what the pause did: {@code young}, {@code full}, {@code remark},
 * {@code mark-start}, {@code init-update-refs}, ...
 * @param durationNanos how long the application stood still
 * @param end when the pause ended
 */
public record GcPause(long gcId, String collector, String kind, long durationNanos, Instant end) {

}
