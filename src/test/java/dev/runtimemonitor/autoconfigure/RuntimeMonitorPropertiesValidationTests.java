package dev.runtimemonitor.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeMonitorPropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class));

	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|',
			textBlock = """
					runtime-monitor.interval=0s                            | interval                     | must be more than zero
					runtime-monitor.interval=-5s                           | interval                     | must be more than zero
					runtime-monitor.deadlock-interval=0s                   | deadlockInterval             | must be more than zero
					runtime-monitor.window=5s                              | window                       | must be at least two intervals
					runtime-monitor.checks.heap.warning=1.5                | checks.heap.warning          | must be a ratio between 0 and 1
					runtime-monitor.checks.gc-overhead.critical=-0.1       | checks.gc-overhead.critical  | must be a ratio between 0 and 1
					runtime-monitor.checks.threads.warning=6000            | checks.threads.warning       | must not be above critical (5000)
					runtime-monitor.checks.threads.critical=-1             | checks.threads.critical      | must be zero or more
					runtime-monitor.checks.thread-growth.warning=20        | checks.thread-growth.warning | must not be above critical
					runtime-monitor.checks.heap-used.warning=8GB           | checks.heap-used.warning     | must not be above critical (4GB)
					runtime-monitor.checks.sampler.critical=0s             | checks.sampler.critical      | must be more than zero
					runtime-monitor.checks.deadlock.sustain=-1s            | checks.deadlock.sustain      | must be zero or more
					runtime-monitor.history-size=0                         | historySize                  | must be at least 1
					runtime-monitor.evidence.keep-for=-1m                  | evidence.keepFor             | must be zero or more
					runtime-monitor.evidence.repeat-after=-1m              | evidence.repeatAfter         | must be zero or more
					runtime-monitor.evidence.class-histogram.min-interval=-1s | evidence.classHistogram.minInterval | must be zero or more
					""")
	void refusesBadValuesNamingTheProperty(String property, String field, String message) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("'" + field + "'")
				.hasMessageContaining(message);
		});
	}

	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|', textBlock = """
			runtime-monitor.checks.no-such-check.warning=1 | runtime-monitor.checks.no-such-check.warning
			runtime-monitor.intervall=5s                   | runtime-monitor.intervall
			runtime-monitor.checks.threads.probe=sometimes  | runtime-monitor.checks.threads.probe
			runtime-monitor.gc-events=logs                  | runtime-monitor.gc-events
			runtime-monitor.checks.heap.warning=high        | runtime-monitor.checks.heap.warning
			runtime-monitor.evidence.heap-dump.enabled=true | runtime-monitor.evidence.heap-dump.enabled
			""")
	void refusesUnknownPropertiesAndUnreadableValues(String property, String name) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(name);
		});
	}

	/**
	 * The names two properties had before they were renamed, before any release: nobody
	 * has them to migrate from, so they are unknown like any misspelt name, even with a
	 * good value.
	 */
	@ParameterizedTest(name = "{0} is refused")
	@CsvSource(delimiter = '|', textBlock = """
			runtime-monitor.checks.threads.probes=none      | runtime-monitor.checks.threads.probes
			runtime-monitor.gc-pause-source=notifications   | runtime-monitor.gc-pause-source
			""")
	void refusesTheNamesFromBeforeTheRenameAsUnknown(String property, String name) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(UnboundConfigurationPropertiesException.class)
				.hasMessageContaining(name);
		});
	}

}
