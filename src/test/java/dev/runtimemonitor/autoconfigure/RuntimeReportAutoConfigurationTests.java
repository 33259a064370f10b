package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.endpoint.RuntimeEndpoint;
import dev.runtimemonitor.publishing.endpoint.RuntimeInfoContributor;
import dev.runtimemonitor.publishing.history.RuntimeHistory;
import dev.runtimemonitor.publishing.report.RuntimeReportBuilder;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeReportAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class, RuntimeReportAutoConfiguration.class));

	@Test
	void createsTheReportTheHistoryAndTheInfoContributor() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JvmSettings.class)
				.hasSingleBean(RuntimeReportBuilder.class)
				.hasSingleBean(RuntimeHistory.class)
				.hasSingleBean(RuntimeInfoContributor.class);
			assertThat(context.getBean(RuntimeHistory.class).capacity()).isEqualTo(720);
		});
	}

	@Test
	void feedsTheHistoryFromTheFirstTick() {
		this.runner.run((context) -> assertThat(context.getBean(RuntimeHistory.class).all()).isNotEmpty());
	}

	@Test
	void createsTheEndpointOnlyWhenItIsExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(RuntimeEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=runtime")
			.run((context) -> assertThat(context).hasSingleBean(RuntimeEndpoint.class));
	}

	@Test
	void keepsAsManyPointsAsConfigured() {
		this.runner.withPropertyValues("runtime-monitor.history-size=10")
			.run((context) -> assertThat(context.getBean(RuntimeHistory.class).capacity()).isEqualTo(10));
	}

	@Test
	void leavesOutTheInfoContributorWhenDisabled() {
		this.runner.withPropertyValues("management.info.runtime.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RuntimeReportBuilder.class)
				.doesNotHaveBean(RuntimeInfoContributor.class));
	}

	@Test
	void backsOffWithoutTheMonitor() {
		this.runner.withPropertyValues("runtime-monitor.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeMonitor.class)
				.doesNotHaveBean(RuntimeReportBuilder.class)
				.doesNotHaveBean(RuntimeHistory.class)
				.doesNotHaveBean(JvmSettings.class));
	}

	@Test
	void usersOwnSettingsWin() {
		this.runner.withUserConfiguration(OwnSettings.class).run((context) -> {
			assertThat(context).hasSingleBean(JvmSettings.class);
			assertThat(context.getBean(RuntimeReportBuilder.class).jvm()).isSameAs(OwnSettings.SETTINGS);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSettings {

		static final JvmSettings SETTINGS = new JvmSettings("Vendor", "VM", "25", "Linux", "amd64", 1, 1L << 30,
				new GcChoice(Collector.SERIAL, true, -1, -1, false),
				new HeapSizing(1L << 28, true, 25, false, -1, false), "off");

		@Bean
		JvmSettings myJvmSettings() {
			return SETTINGS;
		}

	}

}
