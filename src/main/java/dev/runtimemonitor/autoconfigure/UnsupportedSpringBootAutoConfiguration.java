package dev.runtimemonitor.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;

/**
 * In an application on a Spring Boot older than 4.0, the library adds nothing and says so
 * in one warning at start-up, naming the Java agent as the way to monitor such a JVM; the
 * application starts as it would without the library. This class is compiled for Java 8
 * and uses only what Spring Boot 2.7 and 3 have, so that any JVM those run on can load it
 * and say why instead of failing.
 */
@AutoConfiguration
@ConditionalOnMissingClass(ConditionalOnSpringBoot4.SPRING_BOOT_4_CLASS)
public final class UnsupportedSpringBootAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(UnsupportedSpringBootAutoConfiguration.class);

	/**
	 * Warns, once, that the library needs Spring Boot 4.0.
	 */
	public UnsupportedSpringBootAutoConfiguration() {
		logger.warn(message(SpringBootVersion.getVersion()));
	}

	static String message(@Nullable String springBootVersion) {
		String found = (springBootVersion != null) ? "Spring Boot " + springBootVersion : "an older Spring Boot";
		return "runtime-monitor needs Spring Boot 4.0 or later and found " + found
				+ ", so it adds nothing to this application (no health component, meters or /actuator/runtime)."
				+ " Move the application to Spring Boot 4.0 or later to have them, or start its JVM with the"
				+ " runtime-monitor Java agent in place of the library (Java 17 or later):"
				+ " -javaagent:runtime-monitor-agent.jar=9404 serves the same checks, metrics and probes"
				+ " on a port of its own.";
	}

}
