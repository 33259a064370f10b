package dev.runtimemonitor.publishing.report.advice;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.sampling.jvm.HeapSizing;

/**
 * How the maximum heap was set, in words.
 */
final class HeapSizingText {

	private HeapSizingText() {
	}

	/**
	 * Which setting to raise for a larger heap.
	 * @param heap how the heap was sized
	 * @return for example {@code -Xmx (set to 256.0 MiB)}
	 */
	static String howToRaise(HeapSizing heap) {
		if (heap.maxExplicit()) {
			return "-Xmx (set to " + FigureFormatter.bytes(heap.maxBytes()) + ")";
		}
		if (heap.maxRamPercentageExplicit()) {
			return "-XX:MaxRAMPercentage (set to " + FigureFormatter.number(heap.maxRamPercentage(), 1) + ")";
		}
		return "-XX:MaxRAMPercentage (the default " + FigureFormatter.number(heap.maxRamPercentage(), 1)
				+ " applies) or set -Xmx";
	}

}
