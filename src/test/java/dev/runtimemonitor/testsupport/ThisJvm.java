package dev.runtimemonitor.testsupport;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.runtimemonitor.sampling.jvm.Collector;

/**
 * What the JVM these tests run in is, as the tests read it themselves: its collector,
 * told from its garbage-collector beans, and its flags. The surefire JVM sets no
 * collector, and HotSpot picks Serial on its own with fewer than two processors or less
 * than 1792 MiB of memory, G1 otherwise: what the service reports about its collector and
 * heap is checked against whichever runs, not against G1.
 */
public final class ThisJvm {

	private ThisJvm() {
	}

	/**
	 * The collector that runs.
	 * @return it, as its beans name it
	 */
	public static Collector collector() {
		return Collector.fromBeanNames(
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
	}

	/**
	 * G1's pause goal in this JVM, {@code -XX:MaxGCPauseMillis}.
	 * @return the goal in seconds
	 */
	public static double g1PauseGoalSeconds() {
		return flag("MaxGCPauseMillis") / 1000.0;
	}

	/**
	 * The maximum heap, {@code -XX:MaxHeapSize}. Not {@link Runtime#maxMemory()}: under
	 * Serial and Parallel that leaves out one survivor space.
	 * @return the maximum heap in bytes
	 */
	public static long maxHeapBytes() {
		return flag("MaxHeapSize");
	}

	/**
	 * Where the monitor's pauses come from by default in this JVM: the GC counters, but
	 * for Shenandoah, which has none per pause, Flight Recorder.
	 * @return {@code counters} or {@code jfr}
	 */
	public static String defaultPauseSource() {
		return (collector() == Collector.SHENANDOAH) ? "jfr" : "counters";
	}

	private static long flag(String name) {
		HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		return Long.parseLong(hotSpot.getVMOption(name).getValue());
	}

	/**
	 * The labels of {@code runtime_gc_pause_seconds} for a pause of the collection that
	 * {@link System#gc()} runs, as JDK Flight Recorder names it (and the GC counters
	 * after it): a full collection for the stop-the-world collectors, a major cycle's
	 * pauses (mark start, mark end, relocate start...) for ZGC, a cycle's pauses for
	 * Shenandoah.
	 * @return a regular expression for the {@code collector} and {@code kind} labels
	 */
	public static String systemGcPauseLabels() {
		return switch (collector()) {
			case G1 -> "collector=\"G1Full\",kind=\"full\"";
			case PARALLEL -> "collector=\"ParallelOld\",kind=\"full\"";
			case SERIAL -> "collector=\"SerialOld\",kind=\"full\"";
			case Z -> "collector=\"ZGC Major\",kind=\"[a-z-]+\"";
			case SHENANDOAH -> "collector=\"Shenandoah\",kind=\"[a-z-]+\"";
			case UNKNOWN -> "collector=\"[^\"]+\",kind=\"[a-z-]+\"";
		};
	}

}
