package dev.runtimemonitor.agent;

import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.monitor.evidence.CaptureRateLimit;
import dev.runtimemonitor.monitor.evidence.Capturers;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.EvidenceLogger;
import dev.runtimemonitor.publishing.GcPauseMeters;
import dev.runtimemonitor.publishing.LevelChangeLogger;
import dev.runtimemonitor.publishing.RuntimeMeters;
import dev.runtimemonitor.publishing.SampledJvmThreadMetrics;
import dev.runtimemonitor.publishing.SampledProcessorMetrics;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.evidence.EvidenceSources;
import dev.runtimemonitor.sampling.evidence.GcPauseBreakdownSource;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.sampling.gc.GcPauseSource;
import dev.runtimemonitor.sampling.jvm.JvmSettingsReader;
import dev.runtimemonitor.settings.MonitorSettings;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The monitor as the agent runs it, put together as the library's auto-configurations
 * put it together in a Spring Boot application: the sampler with its GC pause source,
 * the monitor, the level-change log and the evidence (in that order, as there), the
 * monitor's meters and Micrometer's JVM and process binders as Spring Boot registers
 * them, with the library's sampled thread-state and CPU meters in place of Micrometer's
 * where the settings say so, the report and the history behind {@code /runtime/history}.
 */
final class AgentMonitor {

	private final MonitorSettings settings;

	private final GcEventSubscription pauses;

	private final RuntimeMonitor monitor;

	private final @Nullable EvidenceRecorder evidence;

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final RuntimeReportBuilder reports;

	private final RuntimeHistory history;

	AgentMonitor(MonitorSettings settings) {
		this.settings = settings;
		Clock clock = Clock.SYSTEM;
		this.pauses = new GcEventSubscription(settings.gcEvents());
		SampleSources sources = SampleSources.platform()
			.withPauses(new GcPauseSource(this.pauses, settings.window(), clock));
		if (!settings.isEnabled(Check.DEADLOCK)) {
			sources = sources.withoutDeadlockSearch();
		}
		if (!settings.threadStates()) {
			sources = sources.withoutThreadStates();
		}
		RuntimeSampler sampler = new RuntimeSampler(sources, clock, settings.deadlockInterval());
		this.monitor = new RuntimeMonitor(sampler, new Evaluator(settings.policies(), settings.rateSpan()), clock,
				settings.interval(), settings.window());
		this.monitor.addListener(new LevelChangeLogger(settings.criticalReminder()));
		this.evidence = settings.evidence().enabled() ? evidenceRecorder(settings, this.pauses, clock) : null;
		if (this.evidence != null) {
			this.monitor.addListener(this.evidence);
		}
		this.history = new RuntimeHistory(settings.historySize());
		this.monitor.addListener(this.history);
		RuntimeMeters meters = new RuntimeMeters(this.monitor);
		this.monitor.addListener(meters);
		GcPauseMeters pauseMeters = new GcPauseMeters(this.monitor);
		this.pauses.recorder().addListener(pauseMeters);
		for (MeterBinder binder : binders(meters, pauseMeters)) {
			binder.bindTo(this.registry);
		}
		this.reports = new RuntimeReportBuilder(JvmSettingsReader.platform(), settings.window(),
				TuningAdvisor.withAllRules());
	}

	private static EvidenceRecorder evidenceRecorder(MonitorSettings settings, GcEventSubscription pauses,
			Clock clock) {
		MonitorSettings.Evidence evidence = settings.evidence();
		GcPauseBreakdownSource gcPauses = new GcPauseBreakdownSource(pauses.recorder(), settings.window(), clock,
				GcPauseBreakdownSource.DEFAULT_TOP);
		CaptureRateLimit histogramRateLimit = new CaptureRateLimit(evidence.classHistogramMinInterval(), clock);
		return new EvidenceRecorder(
				Capturers.of(EvidenceSources.platform(clock), gcPauses, histogramRateLimit, clock, evidence.kinds()),
				evidence.keepFor(), evidence.repeatAfter(), clock, List.of(new EvidenceLogger()));
	}

	/** The binders of Spring Boot's JVM and system metrics, and the monitor's own. */
	private List<MeterBinder> binders(RuntimeMeters meters, GcPauseMeters pauseMeters) {
		List<MeterBinder> binders = new ArrayList<>();
		binders.add(meters);
		binders.add(pauseMeters);
		binders.add(new JvmGcMetrics());
		binders.add(new JvmHeapPressureMetrics());
		binders.add(new JvmMemoryMetrics());
		binders.add(this.settings.threadStates() ? new SampledJvmThreadMetrics(this.monitor) : new JvmThreadMetrics());
		binders.add(new ClassLoaderMetrics());
		binders.add(new JvmInfoMetrics());
		binders.add(new JvmCompilationMetrics());
		binders.add(new UptimeMetrics());
		binders.add(this.settings.processCpu() ? new SampledProcessorMetrics(this.monitor) : new ProcessorMetrics());
		binders.add(new FileDescriptorMetrics());
		return binders;
	}

	/**
	 * Start listening for GC pauses, then sampling: the first sample is taken, on the
	 * monitor's thread, before this returns.
	 */
	void start() {
		this.pauses.start();
		this.monitor.start();
	}

	MonitorView view() {
		return this.monitor;
	}

	MonitorSettings settings() {
		return this.settings;
	}

	PrometheusMeterRegistry registry() {
		return this.registry;
	}

	ReportResponses reports() {
		return new ReportResponses(this.monitor, this.reports, this.evidence, this.history);
	}

}
