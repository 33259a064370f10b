package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.FigureFormatter;

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
		double live = facts.readings().heap().usedAfterGcBytes();
		double ratio = Readings.ratio(live, facts.heapMaxBytes());
		if (Double.isNaN(ratio)) {
			return Optional.empty();
		}
		double limit = facts.limits().heapAfterGc();
		if (ratio < limit) {
			return Optional.empty();
		}
		String finding = "Right after the last GC the heap still held " + FigureFormatter.bytes(live) + ", "
				+ FigureFormatter.percent(ratio) + " of the " + FigureFormatter.bytes(facts.heapMaxBytes())
				+ " maximum, at or above " + FigureFormatter.percent(limit) + ".";
		String action = "If the figure after GC keeps growing (see /runtime/history), look for a leak: compare two "
				+ "heap dumps taken minutes apart (jcmd <pid> GC.heap_dump). If it is steady, the heap is too small "
				+ "for the load: raise " + HeapSizingText.howToRaise(facts) + ".";
		return Optional.of(new Advice(id(), finding, action,
				Basis.of("heapUsedAfterGcBytes", live)
					.and("heapMaxBytes", facts.heapMaxBytes())
					.and("ratio", ratio)
					.and("limit", limit)
					.toMap()));
	}

}
