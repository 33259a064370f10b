package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

import dev.runtimemonitor.evaluation.FigureFormatter;

/**
 * A container with a memory limit, and a heap the JVM sized on its own: by default the
 * heap gets 25 % of the limit, and the other 75 % mostly sits idle in a container that
 * runs nothing else.
 */
final class DefaultHeapInContainerRule implements AdviceRule {

	@Override
	public String id() {
		return "default-heap-in-container";
	}

	@Override
	public Optional<Advice> apply(RuntimeFacts facts) {
		double percentage = facts.settings().maxRamPercentage();
		if (!facts.hasContainerLimit() || !facts.jvm().heap().isDefault() || Double.isNaN(percentage)
				|| Double.isNaN(facts.heapMaxBytes())) {
			return Optional.empty();
		}
		double share = facts.heapMaxBytes() / facts.containerLimitBytes();
		String finding = "The JVM runs under a " + FigureFormatter.bytes(facts.containerLimitBytes())
				+ " container memory limit with a heap it sized on its own: MaxRAMPercentage="
				+ FigureFormatter.number(percentage, 1) + " (the default) gives a "
				+ FigureFormatter.bytes(facts.heapMaxBytes()) + " maximum heap, " + FigureFormatter.percent(share)
				+ " of the limit.";
		String action = "Set -XX:MaxRAMPercentage (75 is common for a container that runs only this JVM; leave "
				+ "room for metaspace, thread stacks, direct buffers and the code cache) rather than -Xmx, so that "
				+ "the heap follows the container's limit when it changes.";
		return Optional.of(new Advice(id(), finding, action,
				Basis.of("containerLimitBytes", facts.containerLimitBytes())
					.and("heapMaxBytes", facts.heapMaxBytes())
					.and("maxRamPercentage", percentage)
					.and("heapShareOfLimit", share)
					.toMap()));
	}

}
