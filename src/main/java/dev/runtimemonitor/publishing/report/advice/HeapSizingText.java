package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Readings;

/**
 * How the maximum heap was set, in words.
 */
final class HeapSizingText {

	private HeapSizingText() {
	}

	/**
	 * Which setting to raise for a larger heap.
	 * @param facts the facts, with how the heap was sized
	 * @return for example {@code -Xmx (set to 256.0 MiB)}
	 */
	static String howToRaise(RuntimeFacts facts) {
		Readings.Settings settings = facts.settings();
		if (facts.jvm().heap().maxExplicit()) {
			return "-Xmx (set to " + FigureFormatter.bytes(settings.heapMaxBytes()) + ")";
		}
		if (facts.jvm().heap().maxRamPercentageExplicit()) {
			return "-XX:MaxRAMPercentage (set to " + FigureFormatter.number(settings.maxRamPercentage(), 1) + ")";
		}
		return "-XX:MaxRAMPercentage (the default " + FigureFormatter.number(settings.maxRamPercentage(), 1)
				+ " applies) or set -Xmx";
	}

}
