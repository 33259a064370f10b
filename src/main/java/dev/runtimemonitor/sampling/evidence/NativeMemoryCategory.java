package dev.runtimemonitor.sampling.evidence;

/**
 * One category of the native-memory summary.
 *
 * @param name the category, such as {@code Java Heap}, {@code Class}, {@code Thread},
 * {@code Code}, {@code GC}, {@code Internal}, {@code Other}
 * @param reservedBytes address space reserved for it
 * @param committedBytes memory committed to it, the part that can be resident
 */
public record NativeMemoryCategory(String name, long reservedBytes, long committedBytes) {

}
