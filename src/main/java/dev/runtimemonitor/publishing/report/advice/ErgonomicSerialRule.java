package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.JvmSettings;

/**
 * The JVM picked the Serial collector on its own. HotSpot does that when it does not see
 * a server-class machine (fewer than 2 processors or less than 1792 MiB), which is what a
 * small container looks like; Serial then stops every thread for each collection and
 * collects on one.
 */
final class ErgonomicSerialRule implements AdviceRule {

	@Override
	public String id() {
		return "ergonomic-serial-gc";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		JvmSettings jvm = facts.jvm();
		if (jvm.gc().collector() != Collector.SERIAL || jvm.gc().explicit()) {
			return Optional.empty();
		}
		String container = facts.hasContainerLimit()
				? " under a " + FigureFormatter.bytes(facts.containerLimitBytes()) + " container limit" : "";
		double memory = facts.settings().memoryBytes();
		String finding = "The JVM chose the Serial collector on its own: it sees " + jvm.availableProcessors()
				+ " processor(s) and " + FigureFormatter.bytes(memory) + " of memory" + container
				+ ", less than a server-class machine (2 processors and 1792 MiB).";
		String action = "Choose the collector explicitly: -XX:+UseG1GC for a service (or -XX:+UseParallelGC for "
				+ "throughput on one processor), or give the container at least 2 CPUs and 2 GiB.";
		Basis basis = Basis.of("availableProcessors", jvm.availableProcessors());
		if (!Double.isNaN(memory)) {
			basis.and("physicalMemoryBytes", (long) memory);
		}
		if (facts.hasContainerLimit()) {
			basis.and("containerLimitBytes", facts.containerLimitBytes());
		}
		return Optional.of(new Advice(id(), finding, action, basis.toMap()));
	}

}
