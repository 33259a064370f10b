package dev.runtimemonitor.e2e;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.testsupport.AppProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar refuses every invalid configuration at start-up, naming the property
 * in what it prints, and never starts serving.
 */
class BadConfigurationIT {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			--runtime-monitor.interval=0s                        | runtime-monitor.interval
			--runtime-monitor.interval=-5s                       | runtime-monitor.interval
			--runtime-monitor.window=5s                          | runtime-monitor.window
			--runtime-monitor.deadlock-interval=0s               | runtime-monitor.deadlock-interval
			--runtime-monitor.history-size=0                     | runtime-monitor.history-size
			--runtime-monitor.gc-events=magic                    | runtime-monitor.gc-events
			--runtime-monitor.gc-pause-source=magic              | runtime-monitor.gc-pause-source
			--runtime-monitor.checks.heap.warning=1.5            | runtime-monitor.checks.heap.warning
			--runtime-monitor.checks.threads.warning=6000        | runtime-monitor.checks.threads.warning
			--runtime-monitor.checks.threads.critical=lots       | runtime-monitor.checks.threads.critical
			--runtime-monitor.checks.gc-pause.critical=0s        | runtime-monitor.checks.gc-pause.critical
			--runtime-monitor.checks.sampler.sustain=-1s         | runtime-monitor.checks.sampler.sustain
			--runtime-monitor.checks.threads.probe=sometimes     | runtime-monitor.checks.threads.probe
			--runtime-monitor.checks.threads.probes=sometimes    | runtime-monitor.checks.threads.probes
			--runtime-monitor.checks.no-such-check.warning=1     | runtime-monitor.checks.no-such-check.warning
			--runtime-monitor.intervall=5s                       | runtime-monitor.intervall
			""")
	void refusesToStartAndNamesTheProperty(String argument, String property) throws Exception {
		try (AppProcess app = AppProcess.start(List.of(), List.of(argument))) {
			assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app.output()).isNotZero();
			assertThat(app.output()).contains("APPLICATION FAILED TO START")
				.contains(property)
				.doesNotContain("Tomcat started");
		}
	}

}
