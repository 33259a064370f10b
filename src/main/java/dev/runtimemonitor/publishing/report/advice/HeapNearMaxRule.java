package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.publishing.Figures;

/**
 * The heap stays nearly full even right after a collection: the live data grows towards
 * the maximum (a leak) or the maximum is too small for the load. Fires at or above the
 * heap check's warning (80 % by default).
 */
final class HeapNearMaxRule implements AdviceRule {

	@Override
	public String id() {
		return "heap-near-max";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		if (!facts.hasHeapUsedAfterGc() || facts.heapMax() <= 0) {
			return Optional.empty();
		}
		double ratio = (double) facts.heapUsedAfterGc() / facts.heapMax();
		double limit = facts.limits().heapAfterGc();
		if (ratio < limit) {
			return Optional.empty();
		}
		String finding = "Right after the last GC the heap still held " + Figures.bytes(facts.heapUsedAfterGc()) + ", "
				+ Figures.percent(ratio) + " of the " + Figures.bytes(facts.heapMax()) + " maximum, at or above "
				+ Figures.percent(limit) + ".";
		String action = "If the figure after GC keeps growing (see /runtime/history), look for a leak: compare two "
				+ "heap dumps taken minutes apart (jcmd <pid> GC.heap_dump). If it is steady, the heap is too small "
				+ "for the load: raise " + HeapSizingText.howToRaise(facts.jvm().heap()) + ".";
		return Optional.of(new Advice(id(), finding, action,
				Evidence.of("heapUsedAfterGcBytes", facts.heapUsedAfterGc())
					.and("heapMaxBytes", facts.heapMax())
					.and("ratio", ratio)
					.and("limit", limit)
					.toMap()));
	}

}
