package dev.runtimemonitor.agent;

/**
 * What keeps the agent from starting: a bad argument, setting or port. The agent prints
 * its message, one line per problem, and stops the JVM, never with a stack trace.
 */
final class AgentStartException extends RuntimeException {

	AgentStartException(String message) {
		super(message, null, false, false);
	}

}
