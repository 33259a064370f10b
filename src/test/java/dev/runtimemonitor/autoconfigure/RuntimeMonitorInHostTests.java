package dev.runtimemonitor.autoconfigure;

import java.security.Principal;
import java.util.Map;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.endpoint.RuntimeEndpoint;
import dev.runtimemonitor.publishing.health.RuntimeHealthGroups;
import dev.runtimemonitor.publishing.health.RuntimeHealthIndicator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library in a host application: it adds its beans and contributors where the host
 * has what they need, and changes nothing the host decided.
 */
class RuntimeMonitorInHostTests {

	private static final AutoConfigurations HEALTH = AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class,
			ApplicationAvailabilityAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
			AvailabilityProbesAutoConfiguration.class, HealthContributorAutoConfiguration.class,
			HealthContributorRegistryAutoConfiguration.class, EndpointAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class);

	/** A servlet host: its health endpoint is exposed by default, as in any web host. */
	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(HEALTH);

	@Test
	void theProbeGroupsCarryTheRuntimeChecksThatFeedThem() {
		this.runner.run((context) -> {
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			HealthEndpointGroup liveness = groups.get("liveness");
			assertThat(liveness.isMember("livenessState")).isTrue();
			assertThat(liveness.isMember("runtimeLiveness")).isTrue();
			assertThat(liveness.isMember("runtimeReadiness")).isFalse();
			HealthEndpointGroup readiness = groups.get("readiness");
			assertThat(readiness.isMember("readinessState")).isTrue();
			assertThat(readiness.isMember("runtimeReadiness")).isTrue();
			assertThat(groups.getPrimary().isMember("runtime")).isTrue();
			assertThat(groups.getPrimary().isMember("runtimeLiveness")).isFalse();
		});
	}

	@Test
	void aProbeGroupWhoseMembersTheHostConfiguredIsLeftAsTheHostWroteIt() {
		this.runner.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
				assertThat(groups.get("liveness").isMember("runtimeLiveness")).isFalse();
				assertThat(groups.get("readiness").isMember("runtimeReadiness")).isTrue();
			});
	}

	@Test
	void aProbeGroupFromWhichTheHostExcludedMembersIsLeftAsTheHostWroteIt() {
		this.runner.withPropertyValues("management.endpoint.health.group.liveness.exclude=runtimeLiveness")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("liveness").isMember("runtimeLiveness")).isFalse();
				assertThat(groups.get("readiness").isMember("runtimeReadiness")).isTrue();
			});
	}

	@Test
	void theHostKeepsTheRuntimeChecksOutOfBothProbesWithAnExcludeEach() {
		this.runner
			.withPropertyValues("management.endpoint.health.group.liveness.exclude=runtimeLiveness",
					"management.endpoint.health.group.readiness.exclude=runtimeReadiness")
			.run((context) -> {
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("liveness").isMember("runtimeLiveness")).isFalse();
				assertThat(groups.get("readiness").isMember("runtimeReadiness")).isFalse();
			});
	}

	@Test
	void theHostAddsTheRuntimeContributorToItsOwnGroupWithOneLine() {
		this.runner
			.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState,runtimeLiveness")
			.run((context) -> assertThat(
					context.getBean(HealthEndpointGroups.class).get("liveness").isMember("runtimeLiveness"))
				.isTrue());
	}

	@Test
	void withoutSpringBootsProbesThereAreNoProbeIndicatorsAndNoGroups() {
		this.runner.withPropertyValues("management.endpoint.health.probes.enabled=false").run((context) -> {
			assertThat(context).hasBean("runtimeHealthIndicator")
				.doesNotHaveBean("runtimeLivenessHealthIndicator")
				.doesNotHaveBean("runtimeReadinessHealthIndicator")
				.doesNotHaveBean(RuntimeHealthGroups.class);
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.get("liveness")).isNull();
			assertThat(context.getBeansOfType(RuntimeHealthIndicator.class)).hasSize(1);
		});
	}

	@Test
	void theMetersGoToWhateverRegistryTheHostHas() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class, MetricsAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("runtime.check.value").tag("check", "threads").gauge()).isNotNull();
				assertThat(registry.find("runtime.sample.duration").timer()).isNotNull();
			});
	}

	@Test
	void withoutARegistryTheMonitorAndItsHealthStillRun() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(MeterRegistry.class).hasSingleBean(RuntimeMonitor.class);
			assertThat(context.getBean(RuntimeMonitor.class).latest()).isNotNull();
			assertThat(context.getBean("runtimeHealthIndicator", RuntimeHealthIndicator.class).health().getStatus())
				.hasToString("UP");
		});
	}

	@Test
	void aServletHostGetsNoFilterAndNoExceptionResolver() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RuntimeMonitor.class)
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(HandlerExceptionResolver.class);
		});
	}

	@Test
	void aReactiveHostGetsTheMonitor() {
		new ReactiveWebApplicationContextRunner().withConfiguration(HEALTH)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RuntimeMonitor.class)
				.hasBean("runtimeLivenessHealthIndicator"));
	}

	@Test
	void theEvidenceInTheReportFollowsTheHostsRuleForHealthDetails() {
		WebApplicationContextRunner withReport = this.runner
			.withConfiguration(AutoConfigurations.of(RuntimeReportAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=health,runtime");
		SecurityContext operator = new Operator("ops");
		withReport.run((context) -> {
			assertThat(evidenceShown(context, SecurityContext.NONE)).as("show-details never, the default").isFalse();
			assertThat(evidenceShown(context, operator)).isFalse();
		});
		withReport
			.withPropertyValues("management.endpoint.health.show-details=when-authorized",
					"management.endpoint.health.roles=ops")
			.run((context) -> {
				assertThat(evidenceShown(context, SecurityContext.NONE)).isFalse();
				assertThat(evidenceShown(context, new Operator("dev"))).isFalse();
				assertThat(evidenceShown(context, operator)).isTrue();
			});
		withReport.withPropertyValues("management.endpoint.health.show-details=always")
			.run((context) -> assertThat(evidenceShown(context, SecurityContext.NONE)).isTrue());
	}

	@Test
	void withoutAHealthEndpointNobodyReadsTheEvidenceOverHttp() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class,
					RuntimeReportAutoConfiguration.class, EndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=runtime",
					"management.endpoint.health.show-details=always")
			.run((context) -> {
				assertThat(context).hasSingleBean(EvidenceRecorder.class).doesNotHaveBean(HealthEndpointGroups.class);
				assertThat(evidenceShown(context, SecurityContext.NONE)).isFalse();
			});
	}

	private static boolean evidenceShown(AssertableWebApplicationContext context, SecurityContext reader) {
		assertThat(context.getBean(RuntimeEndpoint.class).text(reader).getBody()).isNotNull();
		@SuppressWarnings("unchecked")
		Map<String, Object> report = (Map<String, Object>) context.getBean(RuntimeEndpoint.class)
			.report(reader)
			.getBody();
		return report.containsKey("evidence");
	}

	/** A signed-in reader with one role. */
	private record Operator(String role) implements SecurityContext {

		@Override
		public Principal getPrincipal() {
			return () -> "someone";
		}

		@Override
		public boolean isUserInRole(String role) {
			return this.role.equals(role);
		}

	}

	@Test
	void aHostWithoutAWebServerGetsTheMonitorAndNoEndpointLogLine() {
		new ApplicationContextRunner().withConfiguration(HEALTH)
			.run((context) -> assertThat(context).hasSingleBean(RuntimeMonitor.class)
				.hasBean("runtimeHealthIndicator")
				.doesNotHaveBean(EndpointUrlsLogger.class));
	}

}
