package dev.runtimemonitor.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runtime-monitor service: a Spring Boot application that watches its own JVM. The
 * monitor comes from the library's auto-configuration, exactly as in any service that
 * adds the library; what this package adds is the service's own: its settings
 * ({@code application.yml}: endpoints at the root), the dashboard page, the hardening of
 * its HTTP surface and the demo scenarios.
 */
@SpringBootApplication
public class RuntimeMonitorApplication {

	public static void main(String[] args) {
		CleanExitOnTerm.install();
		SpringApplication.run(RuntimeMonitorApplication.class, args);
	}

}
