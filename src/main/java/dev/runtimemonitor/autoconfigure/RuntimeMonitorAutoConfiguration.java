package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.evaluation.Evaluator;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.GcPauseMeters;
import dev.runtimemonitor.publishing.LevelChangeLogger;
import dev.runtimemonitor.publishing.RuntimeMeters;
import dev.runtimemonitor.publishing.health.RuntimeHealthGroups;
import dev.runtimemonitor.publishing.health.RuntimeHealthIndicator;
import dev.runtimemonitor.sampling.RuntimeSampler;
import dev.runtimemonitor.sampling.SampleSources;
import dev.runtimemonitor.sampling.gc.GcEventListener;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import dev.runtimemonitor.sampling.gc.GcPauseSource;
import dev.runtimemonitor.settings.MonitorSettings;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the runtime monitor: the sampler, the monitor and its schedule,
 * the evidence it captures, the meters, the health indicators and the probe groups. Every
 * bean backs off for one of the application's own; what needs the actuator, a meter
 * registry or a web server is only added where the application has them.
 */
@ConditionalOnSpringBoot4
@AutoConfiguration(
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnBooleanProperty(name = "runtime-monitor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RuntimeMonitorProperties.class)
@Import(EvidenceConfiguration.class)
public final class RuntimeMonitorAutoConfiguration {

	/** The level changes are logged before any other listener hears of the tick. */
	static final int LEVEL_CHANGES_ORDER = 0;

	/** The evidence is captured, and logged, right after the level change it explains. */
	static final int EVIDENCE_ORDER = 1;

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	GcEventSubscription runtimeGcEventSubscription(RuntimeMonitorProperties properties) {
		return new GcEventSubscription(GcEventSubscription.Source.valueOf(properties.gcEvents().name()));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RuntimeSampler runtimeSampler(RuntimeMonitorProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<GcEventSubscription> pauses) {
		Clock sampleClock = clock.getIfAvailable(() -> Clock.SYSTEM);
		SampleSources sources = SampleSources.platform();
		GcEventSubscription subscription = pauses.getIfAvailable();
		if (subscription != null) {
			sources = sources.withPauses(new GcPauseSource(subscription, properties.window(), sampleClock));
		}
		if (!properties.checks().deadlock().enabled()) {
			sources = sources.withoutDeadlockSearch();
		}
		if (!properties.threadStates()) {
			sources = sources.withoutThreadStates();
		}
		return new RuntimeSampler(sources, sampleClock, properties.deadlockInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	RuntimeMonitor runtimeMonitor(RuntimeSampler sampler, RuntimeMonitorProperties properties,
			ObjectProvider<Clock> clock) {
		MonitorSettings settings = properties.settings();
		Evaluator evaluator = new Evaluator(settings.policies(), settings.rateSpan());
		return new RuntimeMonitor(sampler, evaluator, clock.getIfAvailable(() -> Clock.SYSTEM), properties.interval(),
				properties.window());
	}

	@Bean
	@ConditionalOnMissingBean
	@Order(LEVEL_CHANGES_ORDER)
	LevelChangeLogger runtimeLevelChangeLogger(RuntimeMonitorProperties properties) {
		return new LevelChangeLogger(properties.criticalReminder());
	}

	@Bean
	RuntimeMonitorLifecycle runtimeMonitorLifecycle(RuntimeMonitor monitor, ObjectProvider<MonitorListener> listeners,
			ObjectProvider<GcEventSubscription> pauses, ObjectProvider<GcEventListener> pauseListeners) {
		return new RuntimeMonitorLifecycle(monitor, listeners.orderedStream().toList(), pauses.getIfAvailable(),
				pauseListeners.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RuntimeMeters runtimeMeters(MonitorView monitor) {
			return new RuntimeMeters(monitor);
		}

		@Bean
		@ConditionalOnMissingBean
		GcPauseMeters runtimeGcPauseMeters(MonitorView monitor) {
			return new GcPauseMeters(monitor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("runtime")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "runtimeHealthIndicator")
		RuntimeHealthIndicator runtimeHealthIndicator(MonitorView monitor) {
			return RuntimeHealthIndicator.allChecks(monitor);
		}

		/**
		 * The probe indicators and their groups, where Spring Boot has probe groups.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnBooleanProperty(name = "management.endpoint.health.probes.enabled", matchIfMissing = true)
		static class ProbesConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "runtimeLivenessHealthIndicator")
			RuntimeHealthIndicator runtimeLivenessHealthIndicator(MonitorView monitor) {
				return RuntimeHealthIndicator.forProbe(monitor, Probe.LIVENESS);
			}

			@Bean
			@ConditionalOnMissingBean(name = "runtimeReadinessHealthIndicator")
			RuntimeHealthIndicator runtimeReadinessHealthIndicator(MonitorView monitor) {
				return RuntimeHealthIndicator.forProbe(monitor, Probe.READINESS);
			}

			@Bean
			@ConditionalOnMissingBean
			static RuntimeHealthGroups runtimeHealthGroups(Environment environment) {
				return new RuntimeHealthGroups(ProbeGroupMembership.configuredIn(environment));
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnClass(PathMappedEndpoints.class)
	static class EndpointUrlsConfiguration {

		@Bean
		EndpointUrlsLogger runtimeEndpointUrlsLogger(ObjectProvider<PathMappedEndpoints> endpoints,
				RuntimeMonitorProperties properties, Environment environment) {
			return new EndpointUrlsLogger(endpoints, properties.interval(),
					ManagementPortType.get(environment) == ManagementPortType.DIFFERENT);
		}

	}

}
