package dev.runtimemonitor.sampling.gc;

import java.time.Instant;

/**
 * One concurrent collection cycle (a ZGC or Shenandoah cycle, a G1 concurrent mark
 * cycle): wall time the collector worked beside the application, not time the application
 * stood still. Its pauses are recorded as {@link GcPause}s.
 *
 * @param gcId the collection, as the GC log prints it
 * @param collector the collection's name
 * @param durationNanos the cycle's wall time, pauses included
 * @param end when the cycle ended
 */
public record ConcurrentCycle(long gcId, String collector, long durationNanos, Instant end) {

}
