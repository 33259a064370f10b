package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.sampling.jvm.Collector;

/**
 * The 99th percentile pause misses the pause goal: G1's {@code MaxGCPauseMillis}, or the
 * gc-pause check's warning for the other collectors. Fires when the p99 is above the
 * goal; a pause exactly at the goal meets it.
 */
final class PauseGoalRule implements AdviceRule {

	@Override
	public String id() {
		return "pause-goal";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		double p99 = facts.readings().gc().p99Seconds();
		double windowPauses = facts.readings().gc().windowPauses();
		double goal = facts.limits().pauseGoalSeconds();
		if (!(windowPauses > 0) || Double.isNaN(p99) || Double.isNaN(goal) || p99 <= goal) {
			return Optional.empty();
		}
		Collector collector = facts.jvm().gc().collector();
		String finding = "The 99th percentile GC pause was " + FigureFormatter.seconds(p99) + " over the last "
				+ FigureFormatter.duration(facts.window()) + " (" + (long) windowPauses
				+ " pauses), above the pause goal of " + FigureFormatter.seconds(goal) + " ("
				+ facts.limits().pauseGoalSource() + ") under " + collector.displayName() + ".";
		return Optional.of(new Advice(id(), finding, action(collector),
				Basis.of("pauseP99Seconds", p99)
					.and("pauseGoalSeconds", goal)
					.and("pauseGoalSource", facts.limits().pauseGoalSource())
					.and("windowPauses", windowPauses)
					.and("collector", collector.displayName())
					.toMap()));
	}

	private static String action(Collector collector) {
		return switch (collector) {
			case G1 -> "Switch to a low-latency collector (-XX:+UseZGC keeps pauses under a millisecond for some "
					+ "throughput), or make young collections copy less with a smaller young generation "
					+ "(-XX:+UnlockExperimentalVMOptions -XX:G1MaxNewSizePercent=30; 60 is the default).";
			case PARALLEL, SERIAL -> "Switch to a collector with a pause goal (-XX:+UseG1GC) or a low-latency one "
					+ "(-XX:+UseZGC), or make young collections copy less with a smaller young generation (-Xmn).";
			case Z, SHENANDOAH -> "Pauses this long under a concurrent collector are rarely the collector's own: "
					+ "look for slow safepoints with -Xlog:safepoint, and for allocation stalls (-Xlog:gc): "
					+ "give the heap more room so concurrent cycles finish in time.";
			case UNKNOWN -> "Use a collector with shorter pauses (-XX:+UseZGC) or a smaller young generation.";
		};
	}

}
