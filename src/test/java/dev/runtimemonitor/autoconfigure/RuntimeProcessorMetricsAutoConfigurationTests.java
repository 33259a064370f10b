package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.SampledProcessorMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's processor meters take the place of Spring Boot's
 * {@link ProcessorMetrics}, and give way to the application's own.
 */
class RuntimeProcessorMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SystemMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				RuntimeMonitorAutoConfiguration.class, RuntimeProcessorMetricsAutoConfiguration.class));

	@Test
	void replacesSpringBootsProcessorMetricsWithCpuTimeFromTheTick() {
		// One tick (at start) and no other for the test's duration.
		this.runner.withPropertyValues("runtime-monitor.interval=1h", "runtime-monitor.window=2h").run((context) -> {
			assertThat(context).hasSingleBean(ProcessorMetrics.class);
			assertThat(context.getBean(ProcessorMetrics.class)).isInstanceOf(SampledProcessorMetrics.class);
			RuntimeMonitor monitor = context.getBean(RuntimeMonitor.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("process.cpu.time").functionCounter().count())
				.isEqualTo(monitor.latest().snapshot().process().cpuTimeNanos());
			assertThat(registry.get("process.cpu.usage").gauge().value()).as("needs two ticks").isNaN();
			assertThat(registry.get("system.cpu.count").gauge().value())
				.isEqualTo(Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void theApplicationsOwnProcessorMetricsWins() {
		this.runner.withUserConfiguration(OwnProcessorMetrics.class).run((context) -> {
			assertThat(context).hasSingleBean(ProcessorMetrics.class);
			assertThat(context.getBean(ProcessorMetrics.class)).isSameAs(context.getBean("ownProcessorMetrics"));
			assertThat(context).doesNotHaveBean(SampledProcessorMetrics.class);
		});
	}

	@Test
	void switchedOffLeavesSpringBootsOwn() {
		this.runner.withPropertyValues("runtime-monitor.process-cpu=false")
			.run((context) -> assertThat(context).hasSingleBean(ProcessorMetrics.class)
				.doesNotHaveBean(SampledProcessorMetrics.class)
				.hasSingleBean(RuntimeMonitor.class));
	}

	@Test
	void withTheMonitorDisabledSpringBootsOwnStays() {
		this.runner.withPropertyValues("runtime-monitor.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ProcessorMetrics.class)
				.doesNotHaveBean(SampledProcessorMetrics.class)
				.doesNotHaveBean(RuntimeMonitor.class));
	}

	@Test
	void whereSpringBootHasNoSystemMetricsNeitherDoesTheLibrary() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class,
					RuntimeProcessorMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SystemMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProcessorMetrics.class)
				.hasSingleBean(RuntimeMonitor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProcessorMetrics {

		@Bean
		ProcessorMetrics ownProcessorMetrics() {
			return new ProcessorMetrics();
		}

	}

}
