package dev.runtimemonitor.sampling.jvm;

import java.util.List;

/**
 * The garbage collectors of HotSpot, each with the flag that selects it and the
 * management-bean names it registers.
 */
public enum Collector {

	/** The Garbage-First collector, HotSpot's default on a server-class machine. */
	G1("G1", "UseG1GC", "G1 "),

	/** The throughput collector. */
	PARALLEL("Parallel", "UseParallelGC", "PS "),

	/**
	 * The single-threaded collector, HotSpot's default on a small machine or container.
	 */
	SERIAL("Serial", "UseSerialGC", "Copy", "MarkSweepCompact"),

	/** ZGC, the low-latency collector. */
	Z("ZGC", "UseZGC", "ZGC "),

	/** Shenandoah, the low-latency collector of some builds. */
	SHENANDOAH("Shenandoah", "UseShenandoahGC", "Shenandoah "),

	/** The collector could not be told. */
	UNKNOWN("unknown", "");

	private final String displayName;

	private final String flag;

	private final List<String> beanNamePrefixes;

	Collector(String displayName, String flag, String... beanNamePrefixes) {
		this.displayName = displayName;
		this.flag = flag;
		this.beanNamePrefixes = List.of(beanNamePrefixes);
	}

	/**
	 * The collector's name for people.
	 * @return for example {@code G1} or {@code ZGC}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * The boolean flag that selects the collector.
	 * @return for example {@code UseG1GC}; empty for {@link #UNKNOWN}
	 */
	public String flag() {
		return this.flag;
	}

	/**
	 * The collector that registers garbage-collector beans of these names, for JVMs whose
	 * flags cannot be read.
	 * @param beanNames the names of the garbage-collector beans
	 * @return the collector, or {@link #UNKNOWN}
	 */
	public static Collector fromBeanNames(List<String> beanNames) {
		for (Collector collector : values()) {
			for (String name : beanNames) {
				if (collector.beanNamePrefixes.stream().anyMatch(name::startsWith)) {
					return collector;
				}
			}
		}
		return UNKNOWN;
	}

}
