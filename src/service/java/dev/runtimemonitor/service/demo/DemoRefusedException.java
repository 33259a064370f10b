package dev.runtimemonitor.service.demo;

/**
 * A fault scenario refused: the request asks for more than its bound allows, or the
 * scenario's state forbids it (a churn already running, the deadlock already made).
 */
public class DemoRefusedException extends RuntimeException {

	private final boolean conflict;

	private DemoRefusedException(String message, boolean conflict) {
		super(message);
		this.conflict = conflict;
	}

	/**
	 * A request whose parameter is out of bounds.
	 * @param message what is wrong, naming the parameter and its bound
	 * @return the exception
	 */
	static DemoRefusedException badParameter(String message) {
		return new DemoRefusedException(message, false);
	}

	/**
	 * A request that the scenario's current state forbids.
	 * @param message what is in the way
	 * @return the exception
	 */
	static DemoRefusedException conflict(String message) {
		return new DemoRefusedException(message, true);
	}

	/**
	 * Whether the state is in the way rather than the parameters.
	 * @return {@code true} for a conflict, {@code false} for a bad parameter
	 */
	public boolean isConflict() {
		return this.conflict;
	}

}
