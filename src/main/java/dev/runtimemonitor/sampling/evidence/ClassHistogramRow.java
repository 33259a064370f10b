package dev.runtimemonitor.sampling.evidence;

import org.jspecify.annotations.Nullable;

/**
 * One line of the JVM's class histogram.
 *
 * @param rank the line's rank, 1 for the class with the most bytes
 * @param instances live instances of the class
 * @param bytes bytes those instances take, headers included
 * @param className the class, as the JVM names it: {@code [B} for {@code byte[]},
 * {@code [Ljava.lang.Object;} for {@code Object[]}
 * @param module the module and its version, such as {@code java.base@25}, {@code null}
 * for a class of the unnamed module
 */
public record ClassHistogramRow(int rank, long instances, long bytes, String className, @Nullable String module) {

}
