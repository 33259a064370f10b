package dev.runtimemonitor.sampling.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JVM's settings. Meant to run once, at start-up: the flags never change while
 * the JVM runs (the few writeable ones aside), and reading the memory the JVM sees is
 * expensive.
 */
public final class JvmSettingsReader {

	private JvmSettingsReader() {
	}

	/**
	 * The settings of the running JVM.
	 * @return the settings
	 */
	public static JvmSettings platform() {
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		long physicalMemory = (os instanceof com.sun.management.OperatingSystemMXBean hotspot)
				? hotspot.getTotalMemorySize() : -1;
		List<String> collectorNames = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.toList();
		Host host = new Host(runtime.getVmVendor(), runtime.getVmName(), Runtime.version().toString(),
				os.getName() + " " + os.getVersion(), os.getArch(), Runtime.getRuntime().availableProcessors(),
				physicalMemory, Runtime.getRuntime().maxMemory());
		return read(JvmFlags.platform(), collectorNames, host);
	}

	/**
	 * The settings from flags and the host's figures.
	 * @param flags the JVM's flags
	 * @param collectorNames the names of the garbage-collector beans, for JVMs whose
	 * flags cannot be read
	 * @param host what the JVM reports of itself and its host
	 * @return the settings
	 */
	static JvmSettings read(JvmFlags flags, List<String> collectorNames, Host host) {
		return new JvmSettings(host.vendor(), host.vmName(), host.version(), host.os(), host.arch(),
				host.availableProcessors(), host.physicalMemoryBytes(), gcChoice(flags, collectorNames),
				heapSizing(flags, host.maxHeapBytes()),
				flags.find("NativeMemoryTracking").map(JvmFlag::value).orElse("unknown"));
	}

	private static GcChoice gcChoice(JvmFlags flags, List<String> collectorNames) {
		Collector collector = Collector.UNKNOWN;
		boolean explicit = false;
		for (Collector candidate : Collector.values()) {
			Optional<JvmFlag> flag = (candidate != Collector.UNKNOWN) ? flags.find(candidate.flag()) : Optional.empty();
			if (flag.isPresent() && flag.get().isTrue()) {
				collector = candidate;
				explicit = flag.get().explicit();
				break;
			}
		}
		if (collector == Collector.UNKNOWN) {
			collector = Collector.fromBeanNames(collectorNames);
		}
		long pauseGoal = (collector == Collector.G1) ? longFlag(flags, "MaxGCPauseMillis") : -1;
		long periodicInterval = (collector == Collector.G1) ? longFlag(flags, "G1PeriodicGCInterval") : -1;
		boolean uncommits = switch (collector) {
			case G1 -> periodicInterval > 0;
			case Z -> flags.find("ZUncommit").map(JvmFlag::isTrue).orElse(true);
			case SHENANDOAH -> true;
			default -> false;
		};
		return new GcChoice(collector, explicit, pauseGoal, periodicInterval, uncommits);
	}

	private static HeapSizing heapSizing(JvmFlags flags, long runtimeMaxHeap) {
		Optional<JvmFlag> max = flags.find("MaxHeapSize");
		Optional<JvmFlag> percentage = flags.find("MaxRAMPercentage");
		Optional<JvmFlag> softMax = flags.find("SoftMaxHeapSize");
		return new HeapSizing(max.map(JvmFlag::asLong).orElse(runtimeMaxHeap), max.map(JvmFlag::explicit).orElse(false),
				percentage.map(JvmFlag::asDouble).orElse(Double.NaN), percentage.map(JvmFlag::explicit).orElse(false),
				softMax.map(JvmFlag::asLong).orElse(-1L), softMax.map(JvmFlag::explicit).orElse(false));
	}

	private static long longFlag(JvmFlags flags, String name) {
		return flags.find(name).map(JvmFlag::asLong).orElse(-1L);
	}

	/**
	 * What the JVM reports of itself and its host.
	 *
	 * @param vendor the JVM's vendor
	 * @param vmName the virtual machine's name
	 * @param version the runtime version
	 * @param os the operating system and its version
	 * @param arch the processor architecture
	 * @param availableProcessors processors available to the JVM
	 * @param physicalMemoryBytes memory the JVM sees, or {@code -1}
	 * @param maxHeapBytes the maximum heap, for JVMs whose flags cannot be read
	 */
	record Host(String vendor, String vmName, String version, String os, String arch, int availableProcessors,
			long physicalMemoryBytes, long maxHeapBytes) {

	}

}
