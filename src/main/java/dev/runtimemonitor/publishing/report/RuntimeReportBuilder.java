package dev.runtimemonitor.publishing.report;

import java.time.Duration;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.publishing.report.advice.AdviceLimits;
import dev.runtimemonitor.publishing.report.advice.RuntimeFacts;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.jspecify.annotations.Nullable;

/**
 * Builds the report of an evaluation. Pure: the same evaluation gives the same report.
 */
public final class RuntimeReportBuilder {

	private final JvmSettings jvm;

	private final Duration window;

	private final TuningAdvisor advisor;

	/**
	 * Create the report builder.
	 * @param jvm the JVM's settings, read at start-up
	 * @param window the span of the window figures
	 * @param advisor the advice rules
	 */
	public RuntimeReportBuilder(JvmSettings jvm, Duration window, TuningAdvisor advisor) {
		this.jvm = jvm;
		this.window = window;
		this.advisor = advisor;
	}

	/**
	 * The report of an evaluation, without evidence.
	 * @param evaluation the evaluation, with the sampler check judged as of now
	 * @return the report
	 */
	public RuntimeReport report(Evaluation evaluation) {
		return report(evaluation, null);
	}

	/**
	 * The report of an evaluation.
	 * @param evaluation the evaluation, with the sampler check judged as of now
	 * @param evidence the evidence to show, or {@code null} to leave it out
	 * @return the report
	 */
	public RuntimeReport report(Evaluation evaluation, @Nullable EvidenceReport evidence) {
		Readings readings = evaluation.readings();
		RuntimeFacts facts = RuntimeFacts.of(evaluation, this.jvm, this.window);
		AdviceLimits limits = facts.limits();
		return new RuntimeReport(evaluation.time(), Seconds.of(this.window), RuntimeInfo.of(this.jvm, readings),
				evaluation.results().stream().map(CheckReport::of).toList(), readings.threads(), readings.heap(),
				readings.memory(), readings.gc(),
				new RuntimeReport.PauseGoal(limits.pauseGoalSeconds(), limits.pauseGoalSource()),
				Readings.pauseCauses(evaluation.snapshot()), Readings.collectors(evaluation.snapshot()),
				this.advisor.advise(facts), evidence);
	}

	/**
	 * The JVM's settings the reports are built with.
	 * @return the settings read at start-up
	 */
	public JvmSettings jvm() {
		return this.jvm;
	}

}
