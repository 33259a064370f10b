package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.publishing.CheckValues;
import dev.runtimemonitor.publishing.Figures;

/**
 * GC pauses take too much of the wall time: the heap is too small for the live data plus
 * what the application allocates between collections, or the application allocates too
 * much. Fires at or above the gc-overhead check's warning (5 % by default), the Go
 * original's {@code GCCPUFraction} advice.
 */
final class GcOverheadRule implements AdviceRule {

	@Override
	public String id() {
		return "gc-overhead";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		double overhead = facts.gcOverhead();
		double limit = facts.limits().gcOverhead();
		if (Double.isNaN(overhead) || overhead < limit) {
			return Optional.empty();
		}
		String finding = "GC pauses took " + Figures.percent(overhead) + " of the wall time over the last "
				+ CheckValues.duration(facts.window()) + ", at or above " + Figures.percent(limit) + ".";
		String action = "Give the heap more room (raise -Xmx or -XX:MaxRAMPercentage; the maximum heap is "
				+ Figures.bytes(facts.heapMax()) + ") or allocate less ("
				+ Figures.bytesPerSecond(facts.allocationBytesPerSecond())
				+ " now): with more room each collection frees more and collections come less often.";
		Evidence evidence = Evidence.of("gcOverhead", overhead)
			.and("limit", limit)
			.and("heapMaxBytes", facts.heapMax());
		if (!Double.isNaN(facts.allocationBytesPerSecond())) {
			evidence.and("allocationBytesPerSecond", facts.allocationBytesPerSecond());
		}
		return Optional.of(new Advice(id(), finding, action, evidence.toMap()));
	}

}
