package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.sampling.jvm.GcChoice;

/**
 * The heap keeps far more memory committed than the live data needs: at least twice the
 * heap in use after the last collection, and at least 64 MiB more. The collector can give
 * it back to the operating system; how depends on the collector.
 */
final class UncommitRule implements AdviceRule {

	/** Committed at or above this many times the live data counts as far above. */
	static final double FACTOR = 2;

	/** Less idle memory than this is not worth a setting. */
	static final long MINIMUM_IDLE_BYTES = 64L * 1024 * 1024;

	@Override
	public String id() {
		return "uncommit";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		double live = facts.readings().heap().usedAfterGcBytes();
		double committed = facts.readings().heap().committedBytes();
		if (Double.isNaN(live) || Double.isNaN(committed) || committed < FACTOR * live
				|| committed - live < MINIMUM_IDLE_BYTES) {
			return Optional.empty();
		}
		GcChoice gc = facts.jvm().gc();
		double periodic = facts.settings().periodicGcIntervalMillis();
		String finding = "The heap keeps " + FigureFormatter.bytes(committed) + " committed for "
				+ FigureFormatter.bytes(live) + " in use after the last GC: " + FigureFormatter.bytes(committed - live)
				+ " the process holds without needing it.";
		Basis basis = Basis.of("heapCommittedBytes", committed)
			.and("heapUsedAfterGcBytes", live)
			.and("collector", gc.collector().displayName());
		if (!Double.isNaN(periodic)) {
			basis.and("g1PeriodicGcIntervalMillis", (long) periodic);
		}
		return Optional.of(new Advice(id(), finding, action(gc, periodic), basis.toMap()));
	}

	private static String action(GcChoice gc, double periodicMillis) {
		return switch (gc.collector()) {
			case G1 -> (periodicMillis > 0)
					? "Periodic collections are on (every " + (long) periodicMillis + " ms); lower "
							+ "-XX:MaxHeapFreeRatio (70 by default) so that G1 shrinks the heap further after each "
							+ "cycle."
					: "G1 gives memory back only after a marking cycle or a full GC. Set "
							+ "-XX:G1PeriodicGCInterval=300000 (ms) to collect and uncommit when the application "
							+ "is idle, and lower -XX:MaxHeapFreeRatio (70 by default) to keep less free heap.";
			case Z -> gc.uncommitsWhenIdle()
					? "ZGC uncommits memory unused for -XX:ZUncommitDelay (300 s by default): lower the delay, "
							+ "or set -XX:SoftMaxHeapSize to keep the heap below the maximum."
					: "Turn uncommitting back on (-XX:+ZUncommit), and set -XX:SoftMaxHeapSize to keep the heap "
							+ "below the maximum.";
			case SHENANDOAH -> "Shenandoah uncommits memory unused for -XX:ShenandoahUncommitDelay (300000 ms by "
					+ "default): lower the delay, or set -XX:SoftMaxHeapSize.";
			case PARALLEL,
					SERIAL ->
				gc.collector().displayName() + " shrinks the heap only after a full GC, "
						+ "down to -XX:MaxHeapFreeRatio free: lower that ratio, or use G1 with "
						+ "-XX:G1PeriodicGCInterval to uncommit when idle.";
			case UNKNOWN -> "Set the collector's uncommit settings, or lower -XX:MaxHeapFreeRatio.";
		};
	}

}
