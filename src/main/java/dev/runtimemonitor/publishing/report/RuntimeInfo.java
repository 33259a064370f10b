package dev.runtimemonitor.publishing.report;

import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.jspecify.annotations.Nullable;

/**
 * What the JVM runs as and with: the seed's "basic runtime information".
 *
 * @param vendor the JVM's vendor
 * @param vm the virtual machine
 * @param version the runtime version
 * @param os the operating system
 * @param arch the processor architecture
 * @param availableProcessors processors the JVM uses (a container's CPU limit included)
 * @param memoryBytes memory the JVM sees (a container's limit included), {@code null}
 * when unknown
 * @param containerMemoryLimitBytes the container's memory limit, {@code null} without one
 * @param gc the collector, how it was chosen and its goals
 * @param heap how the maximum heap was sized
 * @param nativeMemoryTracking the Native Memory Tracking level
 */
public record RuntimeInfo(String vendor, String vm, String version, String os, String arch, int availableProcessors,
		@Nullable Long memoryBytes, @Nullable Long containerMemoryLimitBytes, Gc gc, Heap heap,
		String nativeMemoryTracking) {

	/**
	 * The runtime information.
	 * @param jvm the settings read at start-up
	 * @param snapshot the latest snapshot, for the container's limit, or {@code null}
	 * @return the information
	 */
	public static RuntimeInfo of(JvmSettings jvm, @Nullable RuntimeSnapshot snapshot) {
		ContainerMemory container = (snapshot != null) ? snapshot.container() : null;
		Long limit = (container != null && container.hasLimit()) ? container.limitBytes() : null;
		return new RuntimeInfo(jvm.vendor(), jvm.vmName(), jvm.version(), jvm.os(), jvm.arch(),
				jvm.availableProcessors(), (jvm.physicalMemoryBytes() > 0) ? jvm.physicalMemoryBytes() : null, limit,
				Gc.of(jvm.gc()), Heap.of(jvm.heap()), jvm.nativeMemoryTracking());
	}

	/**
	 * The collector.
	 *
	 * @param collector its name, such as {@code G1}
	 * @param chosenBy {@code flag} when chosen with {@code -XX:+Use...GC}, else
	 * {@code ergonomics}
	 * @param pauseGoalMillis G1's {@code MaxGCPauseMillis}, {@code null} for the others
	 * @param periodicGcIntervalMillis G1's {@code G1PeriodicGCInterval}, {@code null} for
	 * the others
	 * @param uncommitsWhenIdle whether it gives unused heap back without a full GC
	 */
	public record Gc(String collector, String chosenBy, @Nullable Long pauseGoalMillis,
			@Nullable Long periodicGcIntervalMillis, boolean uncommitsWhenIdle) {

		static Gc of(GcChoice gc) {
			return new Gc(gc.collector().displayName(), gc.explicit() ? "flag" : "ergonomics",
					gc.hasPauseGoal() ? gc.pauseGoalMillis() : null,
					(gc.periodicGcIntervalMillis() >= 0) ? gc.periodicGcIntervalMillis() : null,
					gc.uncommitsWhenIdle());
		}

	}

	/**
	 * The maximum heap and how it was set.
	 *
	 * @param maxBytes the maximum heap
	 * @param setBy {@code -Xmx}, {@code MaxRAMPercentage}, or {@code default} (the JVM's
	 * default {@code MaxRAMPercentage})
	 * @param maxRamPercentage {@code MaxRAMPercentage}, {@code null} when unknown
	 * @param softMaxBytes {@code SoftMaxHeapSize}, {@code null} when unknown
	 */
	public record Heap(long maxBytes, String setBy, @Nullable Double maxRamPercentage, @Nullable Long softMaxBytes) {

		static Heap of(HeapSizing heap) {
			String setBy = heap.maxExplicit() ? "-Xmx"
					: heap.maxRamPercentageExplicit() ? "MaxRAMPercentage" : "default";
			return new Heap(heap.maxBytes(), setBy,
					Double.isNaN(heap.maxRamPercentage()) ? null : heap.maxRamPercentage(),
					(heap.softMaxBytes() >= 0) ? heap.softMaxBytes() : null);
		}

	}

}
