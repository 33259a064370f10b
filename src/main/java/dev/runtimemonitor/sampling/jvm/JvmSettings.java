package dev.runtimemonitor.sampling.jvm;

/**
 * What the JVM runs as and with, read once at start-up.
 *
 * @param vendor the JVM's vendor, such as {@code Eclipse Adoptium}
 * @param vmName the virtual machine, such as {@code OpenJDK 64-Bit Server VM}
 * @param version the runtime version, such as {@code 25+36-LTS}
 * @param os the operating system and its version, such as {@code Linux 6.1.0}
 * @param arch the processor architecture, such as {@code amd64}
 * @param availableProcessors the processors the JVM uses (a container's CPU limit
 * included)
 * @param physicalMemoryBytes the memory the JVM sees (a container's memory limit
 * included), or {@code -1} when unknown
 * @param gc the collector and its settings
 * @param heap how the maximum heap was sized
 * @param nativeMemoryTracking the {@code NativeMemoryTracking} level: {@code off},
 * {@code summary}, {@code detail}, or {@code unknown}
 */
public record JvmSettings(String vendor, String vmName, String version, String os, String arch, int availableProcessors,
		long physicalMemoryBytes, GcChoice gc, HeapSizing heap, String nativeMemoryTracking) {

}
