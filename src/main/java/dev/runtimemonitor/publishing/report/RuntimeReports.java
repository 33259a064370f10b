package dev.runtimemonitor.publishing.report;

import java.time.Duration;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.publishing.report.advice.RuntimeFacts;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.jvm.JvmSettings;

/**
 * Builds the report of an evaluation. Pure: the same evaluation gives the same report.
 */
public final class RuntimeReports {

	private final JvmSettings jvm;

	private final Duration window;

	private final TuningAdvisor advisor;

	/**
	 * Create the report builder.
	 * @param jvm the JVM's settings, read at start-up
	 * @param window the span of the window figures
	 * @param advisor the advice rules
	 */
	public RuntimeReports(JvmSettings jvm, Duration window, TuningAdvisor advisor) {
		this.jvm = jvm;
		this.window = window;
		this.advisor = advisor;
	}

	/**
	 * The report of an evaluation.
	 * @param evaluation the evaluation, with the sampler check judged as of now
	 * @return the report
	 */
	public RuntimeReport report(Evaluation evaluation) {
		RuntimeSnapshot snapshot = evaluation.snapshot();
		RuntimeFacts facts = RuntimeFacts.of(evaluation, this.jvm, this.window);
		MemoryFigures memory = snapshot.memory();
		return new RuntimeReport(snapshot.time(), RuntimeInfo.of(this.jvm, snapshot),
				evaluation.results().stream().map(CheckReport::of).toList(),
				GcReport.of(this.jvm.gc().collector().displayName(), snapshot.pauses(), snapshot.gc(),
						evaluation.rates(), this.window, facts.limits()),
				(memory != null) ? HeapReport.of(memory, snapshot.gc()) : null, this.advisor.advise(facts), snapshot);
	}

	/**
	 * The JVM's settings the reports are built with.
	 * @return the settings read at start-up
	 */
	public JvmSettings jvm() {
		return this.jvm;
	}

}
