package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.endpoint.EvidenceAccess;
import dev.runtimemonitor.publishing.endpoint.RuntimeEndpoint;
import dev.runtimemonitor.publishing.endpoint.RuntimeInfoContributor;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.publishing.report.advice.TuningAdvisor;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import dev.runtimemonitor.sampling.jvm.JvmSettingsReader;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the runtime report: the JVM's settings (read once, here), the
 * report with its tuning advice, the history ring, the {@code runtime} endpoint
 * ({@code /runtime}, {@code /runtime/history}, with the evidence for the readers the
 * health endpoint shows details to) and the {@code runtime} info contributor. Every bean
 * backs off for one of the application's own. The report is the actuator's, so nothing
 * here runs without it.
 */
@ConditionalOnSpringBoot4
@AutoConfiguration(after = RuntimeMonitorAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.OperationResponseBody")
@ConditionalOnBean(RuntimeMonitor.class)
public final class RuntimeReportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JvmSettings runtimeJvmSettings() {
		return JvmSettingsReader.platform();
	}

	@Bean
	@ConditionalOnMissingBean
	RuntimeReportBuilder runtimeReportBuilder(JvmSettings jvm, RuntimeMonitorProperties properties) {
		return new RuntimeReportBuilder(jvm, properties.window(), TuningAdvisor.withAllRules());
	}

	@Bean
	@ConditionalOnMissingBean
	RuntimeHistory runtimeHistory(RuntimeMonitorProperties properties) {
		return new RuntimeHistory(properties.historySize());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint
		RuntimeEndpoint runtimeEndpoint(MonitorView monitor, RuntimeReportBuilder reports, RuntimeHistory history,
				ObjectProvider<EvidenceRecorder> evidence, ObjectProvider<EvidenceAccess> evidenceAccess) {
			return new RuntimeEndpoint(monitor, reports, history, evidence.getIfAvailable(),
					evidenceAccess.getIfAvailable(() -> EvidenceAccess.NEVER));
		}

		/**
		 * Evidence over HTTP follows the health endpoint's rule for details.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups")
		static class EvidenceAccessConfiguration {

			@Bean
			@ConditionalOnMissingBean
			EvidenceAccess runtimeEvidenceAccess(ObjectProvider<HealthEndpointGroups> groups) {
				return new HealthDetailsEvidenceAccess(groups);
			}

		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnEnabledInfoContributor("runtime")
		RuntimeInfoContributor runtimeInfoContributor(JvmSettings jvm, MonitorView monitor) {
			return new RuntimeInfoContributor(jvm, monitor);
		}

	}

}
