package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.publishing.SampledProcessorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer's processor meters with {@code process.cpu.time} and
 * {@code process.cpu.usage} from the monitor's ticks, in place of the
 * {@link ProcessorMetrics} that Spring Boot's system metrics auto-configuration would
 * add, whose reads of those two make the kernel walk every thread at each scrape. Runs
 * before that auto-configuration, which then backs off; backs off itself for the
 * application's own {@code ProcessorMetrics}, and with
 * {@code runtime-monitor.process-cpu=false}.
 */
@ConditionalOnSpringBoot4
@AutoConfiguration(after = RuntimeMonitorAutoConfiguration.class,
		beforeName = RuntimeProcessorMetricsAutoConfiguration.SYSTEM_METRICS_AUTO_CONFIGURATION)
@ConditionalOnClass(name = RuntimeProcessorMetricsAutoConfiguration.SYSTEM_METRICS_AUTO_CONFIGURATION,
		value = ProcessorMetrics.class)
@ConditionalOnBooleanProperty(name = "runtime-monitor.process-cpu", matchIfMissing = true)
@ConditionalOnBean(RuntimeMonitor.class)
public final class RuntimeProcessorMetricsAutoConfiguration {

	static final String SYSTEM_METRICS_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration";

	@Bean
	@ConditionalOnMissingBean(ProcessorMetrics.class)
	SampledProcessorMetrics runtimeProcessorMetrics(MonitorView monitor) {
		return new SampledProcessorMetrics(monitor);
	}

}
