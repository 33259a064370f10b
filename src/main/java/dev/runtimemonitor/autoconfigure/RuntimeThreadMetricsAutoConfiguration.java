package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.SampledJvmThreadMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer's thread meters with the per-state counts from the monitor's ticks, in place
 * of the {@link JvmThreadMetrics} that Spring Boot's JVM metrics auto-configuration would
 * add, whose state gauges read every thread at each scrape. Runs before that
 * auto-configuration, which then backs off; backs off itself for the application's own
 * {@code JvmThreadMetrics}, and with {@code runtime-monitor.thread-states=false}.
 */
@ConditionalOnSpringBoot4
@AutoConfiguration(after = RuntimeMonitorAutoConfiguration.class,
		beforeName = RuntimeThreadMetricsAutoConfiguration.JVM_METRICS_AUTO_CONFIGURATION)
@ConditionalOnClass(name = RuntimeThreadMetricsAutoConfiguration.JVM_METRICS_AUTO_CONFIGURATION,
		value = JvmThreadMetrics.class)
@ConditionalOnBooleanProperty(name = "runtime-monitor.thread-states", matchIfMissing = true)
@ConditionalOnBean(RuntimeMonitor.class)
public final class RuntimeThreadMetricsAutoConfiguration {

	static final String JVM_METRICS_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration";

	@Bean
	@ConditionalOnMissingBean(JvmThreadMetrics.class)
	SampledJvmThreadMetrics runtimeJvmThreadMetrics(MonitorView monitor) {
		return new SampledJvmThreadMetrics(monitor);
	}

}
