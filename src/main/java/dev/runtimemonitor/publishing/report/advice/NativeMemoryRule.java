package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.evaluation.FigureFormatter;

/**
 * Resident memory is near the container's limit while the heap is small: at most half of
 * the resident memory is committed heap, so the rest (direct buffers, metaspace, thread
 * stacks, the code cache, malloc arenas) is what risks the OOM kill. Fires at or above
 * the container-memory check's warning (85 % by default).
 */
final class NativeMemoryRule implements AdviceRule {

	/**
	 * The heap counts as small when its committed memory is at most this share of RSS.
	 */
	static final double SMALL_HEAP_SHARE = 0.5;

	@Override
	public String id() {
		return "native-memory";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		Readings.Memory memory = facts.readings().memory();
		double resident = memory.residentBytes();
		double heapCommitted = facts.readings().heap().committedBytes();
		double ratio = Readings.ratio(resident, facts.containerLimitBytes());
		double limit = facts.limits().containerMemory();
		if (Double.isNaN(ratio) || Double.isNaN(heapCommitted) || ratio < limit
				|| heapCommitted > SMALL_HEAP_SHARE * resident) {
			return Optional.empty();
		}
		String finding = "Resident memory is " + FigureFormatter.bytes(resident) + ", " + FigureFormatter.percent(ratio)
				+ " of the " + FigureFormatter.bytes(facts.containerLimitBytes())
				+ " container limit, while the heap holds " + "only " + FigureFormatter.bytes(heapCommitted)
				+ " committed: most of the memory is outside the heap.";
		double threads = facts.readings().threads().live();
		String tracking = "off".equals(facts.jvm().nativeMemoryTracking())
				? "start the JVM with -XX:NativeMemoryTracking=summary, then run"
				: "Native Memory Tracking is on (" + facts.jvm().nativeMemoryTracking() + "): run";
		String action = "Find where it goes: " + tracking + " jcmd <pid> VM.native_memory summary. The usual "
				+ "suspects: direct buffers (" + FigureFormatter.bytes(memory.directBufferBytes())
				+ " now; cap with -XX:MaxDirectMemorySize), metaspace and the code cache ("
				+ FigureFormatter.bytes(memory.nonHeapUsedBytes())
				+ " non-heap now; -XX:MaxMetaspaceSize), thread stacks ("
				+ FigureFormatter.format(Unit.THREADS, threads)
				+ "; -Xss), and glibc malloc arenas (MALLOC_ARENA_MAX=2).";
		return Optional.of(new Advice(id(), finding, action,
				Evidence.of("residentBytes", resident)
					.and("containerLimitBytes", facts.containerLimitBytes())
					.and("ratio", ratio)
					.and("limit", limit)
					.and("heapCommittedBytes", heapCommitted)
					.and("nonHeapUsedBytes", memory.nonHeapUsedBytes())
					.and("directBufferBytes", memory.directBufferBytes())
					.and("threads", threads)
					.toMap()));
	}

}
