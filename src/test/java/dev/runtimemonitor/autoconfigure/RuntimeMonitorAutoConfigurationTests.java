package dev.runtimemonitor.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.monitor.evidence.EvidenceKind;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.EvidenceLogger;
import dev.runtimemonitor.publishing.GcPauseMeters;
import dev.runtimemonitor.publishing.LevelChangeLogger;
import dev.runtimemonitor.publishing.RuntimeMeters;
import dev.runtimemonitor.publishing.health.RuntimeHealthGroups;
import dev.runtimemonitor.publishing.health.RuntimeHealthIndicator;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.testsupport.ThisJvm;
import io.micrometer.core.instrument.Clock;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeMonitorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class));

	private static CheckPolicy policy(RuntimeMonitor monitor, Check check) {
		return monitor.policies().stream().filter((policy) -> policy.check() == check).findFirst().orElseThrow();
	}

	@Test
	void createsTheMonitorItsMetersAndItsHealth() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RuntimeSampler.class)
				.hasSingleBean(RuntimeMonitor.class)
				.hasSingleBean(RuntimeMeters.class)
				.hasSingleBean(GcPauseMeters.class)
				.hasSingleBean(GcEventSubscription.class)
				.hasSingleBean(LevelChangeLogger.class)
				.hasSingleBean(RuntimeHealthGroups.class)
				.hasBean("runtimeHealthIndicator")
				.hasBean("runtimeLivenessHealthIndicator")
				.hasBean("runtimeReadinessHealthIndicator");
			assertThat(context.getBeansOfType(RuntimeHealthIndicator.class)).hasSize(3);
		});
	}

	@Test
	void capturesEveryKindOfEvidenceAfterTheLevelChangeIsLogged() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(EvidenceRecorder.class).hasSingleBean(EvidenceLogger.class);
			EvidenceRecorder evidence = context.getBean(EvidenceRecorder.class);
			assertThat(EvidenceKind.values()).allSatisfy((kind) -> assertThat(evidence.captures(kind)).isTrue());
			assertThat(evidence.keepFor()).isEqualTo(Duration.ofHours(1));
			List<MonitorListener> listeners = context.getBeanProvider(MonitorListener.class).orderedStream().toList();
			assertThat(listeners.indexOf(context.getBean(LevelChangeLogger.class))).isNotNegative()
				.isLessThan(listeners.indexOf(evidence));
		});
	}

	@Test
	void evidenceIsSwitchedOffWhollyOrKindByKind() {
		this.runner.withPropertyValues("runtime-monitor.evidence.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RuntimeMonitor.class)
				.doesNotHaveBean(EvidenceRecorder.class)
				.doesNotHaveBean(EvidenceLogger.class));
		this.runner
			.withPropertyValues("runtime-monitor.evidence.class-histogram.enabled=false",
					"runtime-monitor.evidence.native-memory.enabled=false", "runtime-monitor.evidence.keep-for=15m")
			.run((context) -> {
				EvidenceRecorder evidence = context.getBean(EvidenceRecorder.class);
				assertThat(evidence.captures(EvidenceKind.CLASS_HISTOGRAM)).isFalse();
				assertThat(evidence.captures(EvidenceKind.NATIVE_MEMORY)).isFalse();
				assertThat(evidence.captures(EvidenceKind.DEADLOCKS)).isTrue();
				assertThat(evidence.keepFor()).isEqualTo(Duration.ofMinutes(15));
			});
	}

	@Test
	void startsTheMonitorAndThePauseRecordingWithTheContextAndStopsThemWithIt() {
		this.runner.run((context) -> assertStartAndStopWith(context, ThisJvm.defaultPauseSource()));
	}

	@Test
	void startsAndStopsAFlightRecorderStreamWhenToldToUseFlightRecorder() {
		int recordings = FlightRecorder.getFlightRecorder().getRecordings().size();
		this.runner.withPropertyValues("runtime-monitor.gc-events=jfr").run((context) -> {
			assertThat(FlightRecorder.getFlightRecorder().getRecordings()).hasSize(recordings + 1);
			assertStartAndStopWith(context, "jfr");
			assertThat(FlightRecorder.getFlightRecorder().getRecordings()).hasSize(recordings);
		});
	}

	/**
	 * The monitor and the pause recording run, with pauses from a source, until the
	 * context closes, which the assertion does.
	 */
	private static void assertStartAndStopWith(ConfigurableApplicationContext context, String pauseSource) {
		RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
		GcEventSubscription pauses = context.getBean(GcEventSubscription.class);
		assertThat(monitor.isRunning()).isTrue();
		assertThat(pauses.isRunning()).isTrue();
		assertThat(monitor.latest()).isNotNull();
		assertThat(monitor.latest().snapshot().pauses()).isNotNull()
			.satisfies((figures) -> assertThat(figures.source()).isEqualTo(pauseSource));
		assertThat(monitor.sampleErrors().sources()).contains("gc-pauses");
		context.close();
		assertThat(monitor.isRunning()).isFalse();
		assertThat(pauses.isRunning()).isFalse();
	}

	@Test
	void recordsPausesFromNotificationsWhenToldTo() {
		this.runner.withPropertyValues("runtime-monitor.gc-events=notifications").run((context) -> {
			RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
			assertThat(monitor.latest().snapshot().pauses().source()).isEqualTo("notifications");
			assertThat(monitor.latest().snapshot().pauses().sourceReason())
				.isEqualTo("pauses from GC notifications, in whole milliseconds "
						+ "(runtime-monitor.gc-events=notifications)");
		});
	}

	@Test
	void recordsPausesFromTheCountersWhenToldToOrFromNotificationsWithoutThem() {
		boolean hasCounters = ThisJvm.defaultPauseSource().equals("counters");
		this.runner.withPropertyValues("runtime-monitor.gc-events=counters").run((context) -> {
			GcPauseFigures pauses = context.getBean(RuntimeMonitor.class).latest().snapshot().pauses();
			assertThat(pauses.source()).isEqualTo(hasCounters ? "counters" : "notifications");
			assertThat(pauses.sourceReason()).isEqualTo(hasCounters ? "pauses from the JVM's GC counters"
					: "pauses from GC notifications, in whole milliseconds: "
							+ "Shenandoah publishes no per-pause counters");
		});
	}

	@Test
	void appliesTheDefaultsOfTheDesign() {
		this.runner.run((context) -> {
			RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
			assertThat(monitor.interval()).isEqualTo(Duration.ofSeconds(5));
			// Every check but heap-used, an absolute figure for those who want one.
			assertThat(monitor.policies()).extracting(CheckPolicy::check)
				.containsExactly(Arrays.stream(Check.values())
					.filter((check) -> check != Check.HEAP_USED)
					.toArray(Check[]::new));
			assertThat(policy(monitor, Check.THREADS))
				.isEqualTo(new CheckPolicy(Check.THREADS, 1000, 5000, Duration.ofSeconds(60), Probe.LIVENESS));
			assertThat(policy(monitor, Check.GC_OVERHEAD))
				.isEqualTo(new CheckPolicy(Check.GC_OVERHEAD, 0.05, 0.25, Duration.ofSeconds(15), Probe.READINESS));
			assertThat(policy(monitor, Check.SAMPLER))
				.isEqualTo(new CheckPolicy(Check.SAMPLER, Double.NaN, 15, Duration.ZERO, Probe.LIVENESS));
		});
	}

	@Test
	void bindsTheProperties() {
		this.runner
			.withPropertyValues("runtime-monitor.interval=2s", "runtime-monitor.checks.threads.critical=3000",
					"runtime-monitor.checks.threads.probe=readiness", "runtime-monitor.checks.threads.sustain=5s",
					"runtime-monitor.checks.heap-used.enabled=true", "runtime-monitor.checks.heap-used.warning=512MB",
					"runtime-monitor.checks.deadlock.enabled=false")
			.run((context) -> {
				RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
				assertThat(monitor.interval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(policy(monitor, Check.THREADS))
					.isEqualTo(new CheckPolicy(Check.THREADS, 1000, 3000, Duration.ofSeconds(5), Probe.READINESS));
				assertThat(policy(monitor, Check.HEAP_USED).warning()).isEqualTo(512.0 * 1024 * 1024);
				assertThat(policy(monitor, Check.SAMPLER).critical()).isEqualTo(6);
				assertThat(monitor.policies()).extracting(CheckPolicy::check).doesNotContain(Check.DEADLOCK);
				assertThat(monitor.sampleErrors().sources()).doesNotContain("deadlocks");
			});
	}

	@Test
	void aThresholdSetToNaNRemovesThatLevel() {
		this.runner
			.withPropertyValues("runtime-monitor.checks.heap.warning=NaN",
					"runtime-monitor.checks.thread-growth.critical=NaN")
			.run((context) -> {
				RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
				CheckPolicy heap = policy(monitor, Check.HEAP);
				assertThat(heap.hasWarning()).isFalse();
				assertThat(heap.critical()).isEqualTo(0.95);
				CheckPolicy threadGrowth = policy(monitor, Check.THREAD_GROWTH);
				assertThat(threadGrowth.hasCritical()).isFalse();
				assertThat(threadGrowth.hasWarning()).isTrue();
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("runtime-monitor.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeMonitor.class)
				.doesNotHaveBean(RuntimeMeters.class)
				.doesNotHaveBean(RuntimeHealthIndicator.class));
	}

	@Test
	void leavesOutTheHealthWhenItsIndicatorIsDisabled() {
		this.runner.withPropertyValues("management.health.runtime.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RuntimeMonitor.class)
				.doesNotHaveBean(RuntimeHealthIndicator.class));
	}

	@Test
	void usersOwnMonitorWins() {
		this.runner.withUserConfiguration(OwnMonitor.class).run((context) -> {
			assertThat(context).hasSingleBean(RuntimeMonitor.class);
			assertThat(context.getBean(RuntimeMonitor.class)).isSameAs(context.getBean(OwnMonitor.class).monitor);
			assertThat(context.getBean(RuntimeMonitor.class).interval()).isEqualTo(Duration.ofSeconds(42));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMonitor {

		final RuntimeMonitor monitor = new RuntimeMonitor(
				new RuntimeSampler(SampleSources.platform(), Clock.SYSTEM, Duration.ofSeconds(30)),
				new Evaluator(List.of(), Duration.ofMinutes(1)), Clock.SYSTEM, Duration.ofSeconds(42),
				Duration.ofMinutes(5));

		@Bean
		RuntimeMonitor myMonitor() {
			return this.monitor;
		}

	}

}
