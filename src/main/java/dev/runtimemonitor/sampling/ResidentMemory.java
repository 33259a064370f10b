package dev.runtimemonitor.sampling;

/**
 * The process's resident set, as the kernel reports it in {@code /proc/self/status}: all
 * memory the process holds in RAM, heap or not.
 *
 * @param bytes resident bytes now ({@code VmRSS})
 * @param peakBytes the most resident bytes so far ({@code VmHWM})
 */
public record ResidentMemory(long bytes, long peakBytes) {

}
