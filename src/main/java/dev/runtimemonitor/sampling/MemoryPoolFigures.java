package dev.runtimemonitor.sampling;

/**
 * One memory pool as the JVM names it ({@code G1 Old Gen}, {@code Metaspace},
 * {@code CodeHeap 'profiled nmethods'}, ...).
 *
 * @param name the pool's name
 * @param heap whether the pool is part of the heap
 * @param usage its current usage
 */
public record MemoryPoolFigures(String name, boolean heap, MemoryArea usage) {

}
