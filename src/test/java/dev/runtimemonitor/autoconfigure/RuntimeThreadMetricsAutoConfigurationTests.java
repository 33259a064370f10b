package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.SampledJvmThreadMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's thread meters take the place of Spring Boot's {@link JvmThreadMetrics},
 * and give way to the application's own.
 */
class RuntimeThreadMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JvmMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				RuntimeMonitorAutoConfiguration.class, RuntimeThreadMetricsAutoConfiguration.class));

	@Test
	void replacesSpringBootsJvmThreadMetricsWithStatesFromTheTick() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(JvmThreadMetrics.class);
			assertThat(context.getBean(JvmThreadMetrics.class)).isInstanceOf(SampledJvmThreadMetrics.class);
			RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
			assertThat(monitor.sampleErrors().sources()).contains("thread-states");
			assertThat(monitor.latest().snapshot().threadStates()).isNotNull();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			double waiting = registry.get("jvm.threads.states").tag("state", "waiting").gauge().value();
			assertThat(waiting).isEqualTo(monitor.latest().snapshot().threadStates().waiting());
			assertThat(registry.get("jvm.threads.live").gauge().value()).isPositive();
		});
	}

	@Test
	void theApplicationsOwnJvmThreadMetricsWins() {
		this.runner.withUserConfiguration(OwnThreadMetrics.class).run((context) -> {
			assertThat(context).hasSingleBean(JvmThreadMetrics.class);
			assertThat(context.getBean(JvmThreadMetrics.class)).isSameAs(context.getBean("ownThreadMetrics"));
			assertThat(context).doesNotHaveBean(SampledJvmThreadMetrics.class);
		});
	}

	@Test
	void switchedOffLeavesSpringBootsOwnAndCountsNoStates() {
		this.runner.withPropertyValues("runtime-monitor.thread-states=false").run((context) -> {
			assertThat(context).hasSingleBean(JvmThreadMetrics.class).doesNotHaveBean(SampledJvmThreadMetrics.class);
			RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
			assertThat(monitor.sampleErrors().sources()).doesNotContain("thread-states");
			assertThat(monitor.latest().snapshot().threadStates()).isNull();
		});
	}

	@Test
	void withTheMonitorDisabledSpringBootsOwnStays() {
		this.runner.withPropertyValues("runtime-monitor.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(JvmThreadMetrics.class)
				.doesNotHaveBean(SampledJvmThreadMetrics.class));
	}

	@Test
	void whereSpringBootHasNoJvmMetricsNeitherDoesTheLibrary() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class,
					RuntimeThreadMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(JvmMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JvmThreadMetrics.class)
				.hasSingleBean(RuntimeMonitor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnThreadMetrics {

		@Bean
		JvmThreadMetrics ownThreadMetrics() {
			return new JvmThreadMetrics();
		}

	}

}
