package dev.runtimemonitor.publishing.report.advice;

import java.util.Optional;

/**
 * A rule that turns measured facts into advice. Pure: no reads of its own.
 */
public interface AdviceRule {

	/**
	 * The rule's name, as the advice carries it.
	 * @return the kebab-case name
	 */
	String id();

	/**
	 * Judge the facts.
	 * @param facts what was measured and how the JVM was started
	 * @return the advice, or empty when the rule does not apply
	 */
	Optional<Advice> apply(RuntimeFacts facts);

}
