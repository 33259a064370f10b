package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.Unit;
import dev.runtimemonitor.evaluation.FigureFormatter;

/**
 * The container's memory is near its limit while the heap is small: at most half of what
 * the container uses is committed heap, so the rest (direct buffers, metaspace, thread
 * stacks, the code cache, malloc arenas, and outside the process the page cache, tmpfs
 * files and other processes) is what risks the OOM kill. It judges the figure the
 * container-memory check judges, the working set (the usage where the working set is
 * unknown), and fires at or above that check's warning (85 % by default), so that advice
 * and health agree.
 */
final class NativeMemoryRule implements AdviceRule {

	/**
	 * The heap counts as small when its committed memory is at most this share of what
	 * the container uses.
	 */
	static final double SMALL_HEAP_SHARE = 0.5;

	@Override
	public String id() {
		return "native-memory";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		Readings.Memory memory = facts.readings().memory();
		double used = memory.containerUsedBytes();
		double heapCommitted = facts.readings().heap().committedBytes();
		double ratio = Readings.ratio(used, facts.containerLimitBytes());
		double limit = facts.limits().containerMemory();
		if (Double.isNaN(ratio) || Double.isNaN(heapCommitted) || ratio < limit
				|| heapCommitted > SMALL_HEAP_SHARE * used) {
			return Optional.empty();
		}
		boolean workingSet = !Double.isNaN(memory.containerWorkingSetBytes());
		String judged = workingSet ? "working set" : "memory use";
		String finding = "The container's " + judged + " is " + FigureFormatter.bytes(used) + ", "
				+ FigureFormatter.percent(ratio) + " of its " + FigureFormatter.bytes(facts.containerLimitBytes())
				+ " limit, while the heap holds only " + FigureFormatter.bytes(heapCommitted)
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
				+ "; -Xss), and glibc malloc arenas (MALLOC_ARENA_MAX=2)." + beyondTheProcess(judged, used, memory);
		return Optional.of(new Advice(id(), finding, action,
				Basis.of(workingSet ? "containerWorkingSetBytes" : "containerUsageBytes", used)
					.and("containerLimitBytes", facts.containerLimitBytes())
					.and("ratio", ratio)
					.and("limit", limit)
					.and("heapCommittedBytes", heapCommitted)
					.and("residentBytes", memory.residentBytes())
					.and("nonHeapUsedBytes", memory.nonHeapUsedBytes())
					.and("directBufferBytes", memory.directBufferBytes())
					.and("threads", threads)
					.toMap()));
	}

	/**
	 * What the container counts beyond the process's resident memory, which Native Memory
	 * Tracking cannot explain; nothing when there is no such part or it is unknown.
	 */
	private static String beyondTheProcess(String judged, double used, Readings.Memory memory) {
		double beyond = used - memory.residentBytes();
		if (!(beyond > 0)) {
			return "";
		}
		return " The " + judged + " exceeds the process's resident memory ("
				+ FigureFormatter.bytes(memory.residentBytes()) + ") by " + FigureFormatter.bytes(beyond)
				+ ": page cache in use, files in a tmpfs or an in-memory emptyDir (such as /tmp), or other "
				+ "processes in the container, which Native Memory Tracking does not see.";
	}

}
