package dev.runtimemonitor.sampling.evidence;

import java.time.Duration;

/**
 * One run of the class histogram: the classes whose live instances take the most bytes,
 * and what taking it cost the application. The JVM collects the heap, so that only live
 * objects count, then walks it with the application stopped. With Serial, Parallel and G1
 * the collection is a full stop-the-world collection in the same pause; with ZGC and
 * Shenandoah it runs concurrently first, and only the walk stops the application.
 *
 * @param histogram the largest lines of the histogram
 * @param took how long the run took
 * @param pause how long of it the application stood still: {@code took} less the
 * concurrent whole-heap cycles (ZGC's major cycles, Shenandoah's) in it, not ZGC's minor
 * cycles that ran beside it; a little more than the safepoint, which it includes with the
 * time to reach it
 * @param gcTime the time collectors spent in it, as the collector beans count it (whole
 * milliseconds): the full collection's pause, or the concurrent cycle
 */
public record ClassHistogramRun(ClassHistogram histogram, Duration took, Duration pause, Duration gcTime) {

}
