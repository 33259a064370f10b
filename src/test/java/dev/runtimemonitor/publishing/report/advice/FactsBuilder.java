package dev.runtimemonitor.publishing.report.advice;

import java.time.Duration;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;

/**
 * Facts of a healthy service, G1 chosen by the JVM, no container, that a test changes one
 * figure at a time.
 */
final class FactsBuilder {

	static final long MIB = 1024 * 1024;

	static final long GIB = 1024 * MIB;

	private GcChoice gc = new GcChoice(Collector.G1, false, 200, 0, false);

	private HeapSizing heap = new HeapSizing(2 * GIB, false, 25.0, false, 2 * GIB, false);

	private int processors = 4;

	private long physicalMemory = 8 * GIB;

	private String nativeMemoryTracking = "off";

	private AdviceLimits limits = new AdviceLimits(0.05, 0.2, "MaxGCPauseMillis", 0.80, 0.85);

	private int threads = 40;

	private long heapUsed = 300 * MIB;

	private long heapCommitted = 400 * MIB;

	private long heapMax = 2 * GIB;

	private long heapUsedAfterGc = 250 * MIB;

	private long nonHeapUsed = 100 * MIB;

	private long directBuffers = MIB;

	private long resident = 700 * MIB;

	private long containerLimit = -1;

	private long containerUsage = -1;

	private long containerWorkingSet = -1;

	private double gcOverhead = 0.01;

	private int windowPauses = 20;

	private double pauseP99 = 0.05;

	private double allocationRate = 10 * MIB;

	static FactsBuilder healthy() {
		return new FactsBuilder();
	}

	FactsBuilder gc(GcChoice gc) {
		this.gc = gc;
		return this;
	}

	FactsBuilder collector(Collector collector, boolean explicit) {
		this.gc = new GcChoice(collector, explicit, (collector == Collector.G1) ? 200 : -1,
				(collector == Collector.G1) ? 0 : -1, collector == Collector.Z || collector == Collector.SHENANDOAH);
		return this;
	}

	FactsBuilder heapSizing(HeapSizing heap) {
		this.heap = heap;
		return this;
	}

	FactsBuilder machine(int processors, long physicalMemory) {
		this.processors = processors;
		this.physicalMemory = physicalMemory;
		return this;
	}

	FactsBuilder nativeMemoryTracking(String level) {
		this.nativeMemoryTracking = level;
		return this;
	}

	FactsBuilder limits(AdviceLimits limits) {
		this.limits = limits;
		return this;
	}

	FactsBuilder threads(int threads) {
		this.threads = threads;
		return this;
	}

	FactsBuilder heap(long used, long committed, long max) {
		this.heapUsed = used;
		this.heapCommitted = committed;
		this.heapMax = max;
		return this;
	}

	FactsBuilder heapUsedAfterGc(long bytes) {
		this.heapUsedAfterGc = bytes;
		return this;
	}

	FactsBuilder nonHeap(long nonHeapUsed, long directBuffers) {
		this.nonHeapUsed = nonHeapUsed;
		this.directBuffers = directBuffers;
		return this;
	}

	FactsBuilder resident(long bytes) {
		this.resident = bytes;
		return this;
	}

	FactsBuilder containerLimit(long bytes) {
		this.containerLimit = bytes;
		return this;
	}

	/**
	 * What the container uses.
	 * @param usage its usage, page cache included
	 * @param workingSet its working set, -1 when unknown
	 * @return this builder
	 */
	FactsBuilder containerMemory(long usage, long workingSet) {
		this.containerUsage = usage;
		this.containerWorkingSet = workingSet;
		return this;
	}

	FactsBuilder gcOverhead(double share) {
		this.gcOverhead = share;
		return this;
	}

	FactsBuilder pauses(int windowPauses, double p99Seconds) {
		this.windowPauses = windowPauses;
		this.pauseP99 = p99Seconds;
		return this;
	}

	FactsBuilder allocationRate(double bytesPerSecond) {
		this.allocationRate = bytesPerSecond;
		return this;
	}

	RuntimeFacts build() {
		JvmSettings jvm = new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25+36-LTS", "Linux 6.1",
				"amd64", this.processors, this.physicalMemory, this.gc, this.heap, this.nativeMemoryTracking);
		double unset = Double.NaN;
		Readings readings = new Readings(new Readings.Threads(known(this.threads), unset, unset, unset, unset, unset),
				new Readings.Heap(known(this.heapUsed), known(this.heapCommitted), known(this.heapMax),
						known(this.heapUsedAfterGc), unset, unset, unset),
				new Readings.Memory(known(this.nonHeapUsed), unset, unset, unset, known(this.directBuffers), unset,
						unset, known(this.resident), (this.containerLimit > 0) ? this.containerLimit : unset,
						known(this.containerUsage), known(this.containerWorkingSet), unset, unset, unset, unset),
				new Readings.Gc("counters", "pauses from the JVM's GC counters", unset, unset, 0, unset, unset,
						known(this.windowPauses), unset, unset, this.pauseP99, unset, unset, this.gcOverhead, unset,
						unset, this.allocationRate),
				Readings.ThreadsByState.UNKNOWN, new Readings.Cpu(unset, unset), 0);
		return new RuntimeFacts(jvm, this.limits, Duration.ofMinutes(5), readings);
	}

	/**
	 * A figure set to -1 in a test is one that was not measured.
	 */
	private static double known(double value) {
		return (value < 0) ? Double.NaN : value;
	}

}
