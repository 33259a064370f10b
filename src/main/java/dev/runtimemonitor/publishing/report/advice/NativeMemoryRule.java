package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.publishing.Figures;

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
		if (!facts.hasContainerLimit() || facts.residentBytes() <= 0 || facts.heapCommitted() < 0) {
			return Optional.empty();
		}
		double ratio = (double) facts.residentBytes() / facts.containerLimitBytes();
		double limit = facts.limits().containerMemory();
		if (ratio < limit || facts.heapCommitted() > SMALL_HEAP_SHARE * facts.residentBytes()) {
			return Optional.empty();
		}
		String finding = "Resident memory is " + Figures.bytes(facts.residentBytes()) + ", " + Figures.percent(ratio)
				+ " of the " + Figures.bytes(facts.containerLimitBytes()) + " container limit, while the heap holds "
				+ "only " + Figures.bytes(facts.heapCommitted())
				+ " committed: most of the memory is outside the heap.";
		String tracking = "off".equals(facts.jvm().nativeMemoryTracking())
				? "start the JVM with -XX:NativeMemoryTracking=summary, then run"
				: "Native Memory Tracking is on (" + facts.jvm().nativeMemoryTracking() + "): run";
		String action = "Find where it goes: " + tracking + " jcmd <pid> VM.native_memory summary. The usual "
				+ "suspects: direct buffers (" + Figures.bytes(facts.directBufferBytes())
				+ " now; cap with -XX:MaxDirectMemorySize), metaspace and the code cache ("
				+ Figures.bytes(facts.nonHeapUsed()) + " non-heap now; -XX:MaxMetaspaceSize), thread stacks ("
				+ facts.threads() + " threads; -Xss), and glibc malloc arenas (MALLOC_ARENA_MAX=2).";
		return Optional.of(new Advice(id(), finding, action,
				Evidence.of("residentBytes", facts.residentBytes())
					.and("containerLimitBytes", facts.containerLimitBytes())
					.and("ratio", ratio)
					.and("limit", limit)
					.and("heapCommittedBytes", facts.heapCommitted())
					.and("nonHeapUsedBytes", facts.nonHeapUsed())
					.and("directBufferBytes", facts.directBufferBytes())
					.and("threads", facts.threads())
					.toMap()));
	}

}
