package dev.runtimemonitor;

import dev.runtimemonitor.demo.DemoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runtime-monitor service: a Spring Boot application that watches its own JVM. The
 * monitor itself comes from its auto-configuration, as it would in any service that
 * embeds it; only the demo scenarios are the service's own components. Scanning the whole
 * {@code dev.runtimemonitor} package would also pick up the auto-configuration's nested
 * configuration classes and register them past its conditions.
 */
@SpringBootApplication(scanBasePackageClasses = DemoConfiguration.class)
public class RuntimeMonitorApplication {

	public static void main(String[] args) {
		CleanExitOnTerm.install();
		SpringApplication.run(RuntimeMonitorApplication.class, args);
	}

}
