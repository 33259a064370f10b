package dev.runtimemonitor.sampling;

/**
 * Process-wide figures the JVM's management beans report. A figure the platform does not
 * support is {@code -1}.
 *
 * @param cpuTimeNanos CPU time the process has used
 * @param allocatedBytes bytes allocated on the heap by all threads since the JVM started
 * @param loadedClasses classes loaded right now
 * @param openFileDescriptors open file descriptors
 * @param maxFileDescriptors the most file descriptors the process may open
 */
public record ProcessFigures(long cpuTimeNanos, long allocatedBytes, int loadedClasses, long openFileDescriptors,
		long maxFileDescriptors) {

}
