package dev.runtimemonitor.publishing.report;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.jspecify.annotations.Nullable;

/**
 * What the JVM runs as and with: vendor, version, operating system, processors, memory,
 * collector and heap sizing. Unknown figures are {@code NaN}.
 *
 * @param vendor the JVM's vendor
 * @param vm the virtual machine
 * @param version the runtime version
 * @param os the operating system
 * @param arch the processor architecture
 * @param availableProcessors processors the JVM uses (a container's CPU limit included)
 * @param memoryBytes memory the JVM sees (a container's limit included)
 * @param containerMemoryLimitBytes the container's memory limit; unknown without one
 * @param gc the collector, how it was chosen and its goals
 * @param heap how the maximum heap was sized
 * @param nativeMemoryTracking the Native Memory Tracking level
 */
public record RuntimeInfo(String vendor, String vm, String version, String os, String arch, int availableProcessors,
		double memoryBytes, double containerMemoryLimitBytes, Gc gc, Heap heap, String nativeMemoryTracking) {

	/**
	 * The runtime information.
	 * @param jvm the settings read at start-up
	 * @param readings the latest readings, for the container's limit, or {@code null}
	 * before the first sample
	 * @return the information
	 */
	public static RuntimeInfo of(JvmSettings jvm, @Nullable Readings readings) {
		Readings.Settings settings = Readings.Settings.of(jvm);
		return new RuntimeInfo(jvm.vendor(), jvm.vmName(), jvm.version(), jvm.os(), jvm.arch(),
				jvm.availableProcessors(), settings.memoryBytes(),
				(readings != null) ? readings.memory().containerLimitBytes() : Double.NaN,
				Gc.of(jvm.gc(), settings, (readings != null) ? readings.gc() : null), Heap.of(jvm.heap(), settings),
				jvm.nativeMemoryTracking());
	}

	/**
	 * The collector.
	 *
	 * @param collector its name, such as {@code G1}
	 * @param chosenBy {@code flag} when chosen with {@code -XX:+Use...GC}, else
	 * {@code ergonomics}
	 * @param pauseGoalSeconds G1's {@code MaxGCPauseMillis}; unknown for the others
	 * @param periodicGcIntervalSeconds G1's {@code G1PeriodicGCInterval} (0 is off);
	 * unknown for the others
	 * @param uncommitsWhenIdle whether it gives unused heap back without a full GC
	 * @param pauseSource where the monitor's pauses come from, as in {@code /runtime};
	 * {@code null} before the first sample or when pauses are not recorded
	 * @param pauseSourceReason one sentence on that source and why it is the one in use
	 */
	public record Gc(String collector, String chosenBy, double pauseGoalSeconds, double periodicGcIntervalSeconds,
			boolean uncommitsWhenIdle, @Nullable String pauseSource, @Nullable String pauseSourceReason) {

		static Gc of(GcChoice gc, Readings.Settings settings, Readings.@Nullable Gc readings) {
			return new Gc(gc.collector().displayName(), gc.explicit() ? "flag" : "ergonomics",
					Seconds.ofMillis(settings.pauseGoalMillis()), Seconds.ofMillis(settings.periodicGcIntervalMillis()),
					gc.uncommitsWhenIdle(), (readings != null) ? readings.pauseSource() : null,
					(readings != null) ? readings.pauseSourceReason() : null);
		}

	}

	/**
	 * The maximum heap and how it was set.
	 *
	 * @param maxBytes the maximum heap
	 * @param setBy {@code -Xmx}, {@code MaxRAMPercentage}, or {@code default} (the JVM's
	 * default {@code MaxRAMPercentage})
	 * @param maxRamPercentage {@code MaxRAMPercentage}
	 * @param softMaxBytes {@code SoftMaxHeapSize}
	 */
	public record Heap(double maxBytes, String setBy, double maxRamPercentage, double softMaxBytes) {

		static Heap of(HeapSizing heap, Readings.Settings settings) {
			String setBy = heap.maxExplicit() ? "-Xmx"
					: heap.maxRamPercentageExplicit() ? "MaxRAMPercentage" : "default";
			return new Heap(settings.heapMaxBytes(), setBy, settings.maxRamPercentage(), settings.softMaxHeapBytes());
		}

	}

}
