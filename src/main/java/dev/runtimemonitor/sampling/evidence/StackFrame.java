package dev.runtimemonitor.sampling.evidence;

import java.util.List;

/**
 * One frame of a thread's stack, as a thread dump read it.
 *
 * @param location the frame as a stack trace writes it, such as
 * {@code java.base@25/java.lang.Thread.run(Thread.java:1474)}
 * @param locked the monitors this frame locked ({@code synchronized})
 */
public record StackFrame(String location, List<LockRef> locked) {

	public StackFrame {
		locked = List.copyOf(locked);
	}

	/**
	 * A frame that holds no monitor.
	 * @param location the frame as a stack trace writes it
	 * @return the frame
	 */
	public static StackFrame at(String location) {
		return new StackFrame(location, List.of());
	}

}
