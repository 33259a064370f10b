package dev.runtimemonitor.service;

import sun.misc.Signal;

/**
 * Makes SIGTERM end the process with exit code 0 once the usual shutdown has run. TERM is
 * how Kubernetes and container engines ask a service to stop; by default the JVM then
 * exits with 143, which restart policies and supervisors read as a failure. The handler
 * only replaces the exit code: {@code System.exit} runs the same shutdown hooks, Spring's
 * graceful shutdown among them.
 */
final class CleanExitOnTerm {

	private CleanExitOnTerm() {
	}

	static void install() {
		try {
			Signal.handle(new Signal("TERM"), (signal) -> System.exit(0));
		}
		catch (IllegalArgumentException | UnsupportedOperationException ex) {
			// No TERM signal on this platform: the JVM's default handling stays.
		}
	}

}
