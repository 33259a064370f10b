package dev.runtimemonitor.sampling;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Everything one tick read from the JVM. A source that failed or that the platform lacks
 * leaves its part {@code null}; the rest of the snapshot is still taken.
 *
 * @param time when the sample was taken
 * @param monotonicNanos the monotonic clock when the sample was taken, for rates that
 * must not jump with the wall clock
 * @param durationNanos how long taking the sample took
 * @param threads platform threads
 * @param threadStates platform threads by state
 * @param virtualThreads the virtual-thread scheduler (JDK 24 and later)
 * @param memory heap, non-heap and memory pools
 * @param gc garbage collectors and heap use after the last collection
 * @param pauses GC pauses, precisely, with percentiles over the window
 * @param buffers direct and mapped buffers
 * @param process CPU time, allocation, classes and file descriptors
 * @param resident the process's resident memory (Linux)
 * @param container the control group's memory limit and usage (Linux)
 * @param deadlocks the most recent search for deadlocked threads
 */
public record RuntimeSnapshot(Instant time, long monotonicNanos, long durationNanos, @Nullable ThreadFigures threads,
		@Nullable ThreadStates threadStates, @Nullable VirtualThreadFigures virtualThreads,
		@Nullable MemoryFigures memory, @Nullable GcFigures gc, @Nullable GcPauseFigures pauses,
		@Nullable BufferFigures buffers, @Nullable ProcessFigures process, @Nullable ResidentMemory resident,
		@Nullable ContainerMemory container, @Nullable DeadlockFigures deadlocks) {

}
