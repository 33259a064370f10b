package dev.runtimemonitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runtime-monitor service: a Spring Boot application that watches its own JVM.
 */
@SpringBootApplication
public class RuntimeMonitorApplication {

	public static void main(String[] args) {
		CleanExitOnTerm.install();
		SpringApplication.run(RuntimeMonitorApplication.class, args);
	}

}
