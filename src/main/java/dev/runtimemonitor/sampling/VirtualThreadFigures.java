package dev.runtimemonitor.sampling;

/**
 * The virtual-thread scheduler, as {@code jdk.management:type=VirtualThreadScheduler}
 * reports it (JDK 24 and later).
 *
 * @param parallelism the scheduler's target parallelism
 * @param poolSize carrier threads started, busy or idle
 * @param mounted virtual threads mounted on a carrier thread right now
 * @param queued virtual threads queued, waiting for a carrier thread
 */
public record VirtualThreadFigures(int parallelism, int poolSize, int mounted, long queued) {

}
