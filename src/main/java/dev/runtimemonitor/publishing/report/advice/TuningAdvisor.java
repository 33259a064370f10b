package dev.runtimemonitor.publishing.report.advice;

import java.util.List;
import java.util.Optional;

/**
 * Runs every advice rule over the facts of one evaluation.
 */
public final class TuningAdvisor {

	private final List<AdviceRule> rules;

	TuningAdvisor(List<AdviceRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * An advisor with every rule, most pressing first.
	 * @return the advisor
	 */
	public static TuningAdvisor withAllRules() {
		return new TuningAdvisor(List.of(new HeapNearMaxRule(), new NativeMemoryRule(), new GcOverheadRule(),
				new PauseGoalRule(), new ErgonomicSerialRule(), new DefaultHeapInContainerRule(), new UncommitRule()));
	}

	/**
	 * The advice the facts call for.
	 * @param facts what was measured and how the JVM was started
	 * @return the advice, most pressing first; empty when nothing calls for a change
	 */
	public List<Advice> advise(RuntimeFacts facts) {
		return this.rules.stream().map((rule) -> rule.apply(facts)).flatMap(Optional::stream).toList();
	}

	/**
	 * The names of the rules this advisor runs.
	 * @return the rule names, in order
	 */
	public List<String> ruleIds() {
		return this.rules.stream().map(AdviceRule::id).toList();
	}

}
