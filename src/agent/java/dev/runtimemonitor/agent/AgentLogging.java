package dev.runtimemonitor.agent;

import java.util.Map;

/**
 * Where the agent's log lines go: standard error, through its own copy of SLF4J's simple
 * logger, one line per event with the time, as the library writes them in a Spring Boot
 * application (level changes, evidence, a failing source). Not the application's
 * logging: an agent that reaches for java.util.logging before the application's main
 * method fixes the JVM's log manager before the application can choose its own, and
 * the application's SLF4J is not the agent's to bind. Each setting is a system property
 * of the relocated logger's, and one given on the command line wins.
 */
final class AgentLogging {

	/**
	 * The simple logger's settings. The names are SLF4J's; the agent jar relocates them
	 * with the logger, so that they never reach the application's own simple logger.
	 */
	private static final Map<String, String> DEFAULTS = Map.of("org.slf4j.simpleLogger.showDateTime", "true",
			"org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
			"org.slf4j.simpleLogger.showShortLogName", "true", "org.slf4j.simpleLogger.logFile", "System.err");

	private AgentLogging() {
	}

	static void configure() {
		DEFAULTS.forEach((name, value) -> {
			if (System.getProperty(name) == null) {
				System.setProperty(name, value);
			}
		});
	}

}
