package dev.runtimemonitor.sampling;

/**
 * One NIO buffer pool.
 *
 * @param count buffers in the pool
 * @param used bytes the JVM reserved for them
 * @param capacity total capacity of the buffers in bytes
 */
public record BufferPoolFigures(long count, long used, long capacity) {

}
