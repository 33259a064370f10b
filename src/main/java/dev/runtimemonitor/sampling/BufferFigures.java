package dev.runtimemonitor.sampling;

/**
 * Direct and mapped NIO buffers, and the limit of direct memory.
 *
 * @param direct buffers allocated with {@code ByteBuffer.allocateDirect}
 * @param mapped buffers mapped to files
 * @param maxDirect the most bytes direct buffers may reserve
 * ({@code -XX:MaxDirectMemorySize}, by default the maximum heap size)
 */
public record BufferFigures(BufferPoolFigures direct, BufferPoolFigures mapped, long maxDirect) {

}
