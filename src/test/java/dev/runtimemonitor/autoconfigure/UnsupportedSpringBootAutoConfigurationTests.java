package dev.runtimemonitor.autoconfigure;

import java.util.Arrays;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where Spring Boot 4's classes are missing, as in a Spring Boot 3 application, every
 * configuration of the library backs off and one warning says why; in Spring Boot 4 the
 * warning's configuration is the one that backs off.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsupportedSpringBootAutoConfigurationTests {

	private static final String WARNING = "runtime-monitor needs Spring Boot 4.0 or later";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RuntimeMonitorAutoConfiguration.class,
				RuntimeReportAutoConfiguration.class, RuntimeThreadMetricsAutoConfiguration.class,
				RuntimeProcessorMetricsAutoConfiguration.class, UnsupportedSpringBootAutoConfiguration.class));

	@Test
	void withoutSpringBoot4TheLibraryAddsNothingAndWarnsOnce(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnSpringBoot4.SPRING_BOOT_4_CLASS))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(RuntimeMonitor.class)
					.doesNotHaveBean(RuntimeMonitorProperties.class)
					.hasSingleBean(UnsupportedSpringBootAutoConfiguration.class);
				assertThat(Arrays.stream(context.getBeanDefinitionNames())
					.map(context::getType)
					.filter((type) -> type != null && type.getName().startsWith("dev.runtimemonitor.")))
					.containsExactly(UnsupportedSpringBootAutoConfiguration.class);
			});
		assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING))).singleElement()
			.asString()
			.contains("WARN")
			.contains("found Spring Boot ");
	}

	@Test
	void inSpringBoot4TheLibraryIsThereAndNothingWarns(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(RuntimeMonitor.class)
			.doesNotHaveBean(UnsupportedSpringBootAutoConfiguration.class));
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void theWarningNamesTheVersionFoundAndWhatToDo() {
		assertThat(UnsupportedSpringBootAutoConfiguration.message("3.5.7"))
			.startsWith(
					"runtime-monitor needs Spring Boot 4.0 or later and found Spring Boot 3.5.7, so it adds nothing")
			.contains("Move the application to Spring Boot 4.0 or later to have them, or start its JVM with the"
					+ " runtime-monitor Java agent in place of the library")
			.contains("-javaagent:runtime-monitor-agent.jar=9404");
		assertThat(UnsupportedSpringBootAutoConfiguration.message(null)).contains("and found an older Spring Boot, so");
	}

}
