package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.FigureFormatter;

/**
 * GC pauses take too much of the wall time: the heap is too small for the live data plus
 * what the application allocates between collections, or the application allocates too
 * much. Fires at or above the gc-overhead check's warning (5 % by default), so the advice
 * appears as soon as the check itself turns warning.
 */
final class GcOverheadRule implements AdviceRule {

	@Override
	public String id() {
		return "gc-overhead";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		double overhead = facts.readings().gc().overhead();
		double limit = facts.limits().gcOverhead();
		double allocation = facts.readings().gc().allocationBytesPerSecond();
		if (Double.isNaN(overhead) || overhead < limit) {
			return Optional.empty();
		}
		String finding = "GC pauses took " + FigureFormatter.percent(overhead) + " of the wall time over the last "
				+ FigureFormatter.duration(facts.window()) + ", at or above " + FigureFormatter.percent(limit) + ".";
		String action = "Give the heap more room (raise -Xmx or -XX:MaxRAMPercentage; the maximum heap is "
				+ FigureFormatter.bytes(facts.heapMaxBytes()) + ") or allocate less ("
				+ FigureFormatter.bytesPerSecond(allocation)
				+ " now): with more room each collection frees more and collections come less often.";
		Basis basis = Basis.of("gcOverhead", overhead).and("limit", limit).and("heapMaxBytes", facts.heapMaxBytes());
		if (!Double.isNaN(allocation)) {
			basis.and("allocationBytesPerSecond", allocation);
		}
		return Optional.of(new Advice(id(), finding, action, basis.toMap()));
	}

}
