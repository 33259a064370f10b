package dev.runtimemonitor.sampling;

/**
 * Live platform threads by {@link Thread.State}, the figures behind Micrometer's
 * {@code jvm.threads.states}. Virtual threads are not counted, as {@code ThreadMXBean}
 * does not count them.
 *
 * @param unstarted threads in state {@link Thread.State#NEW NEW}: started but not yet
 * running (almost always 0)
 * @param runnable threads in state {@link Thread.State#RUNNABLE RUNNABLE}: running, or in
 * native code
 * @param blocked threads in state {@link Thread.State#BLOCKED BLOCKED}: waiting to enter
 * a monitor
 * @param waiting threads in state {@link Thread.State#WAITING WAITING}: parked, in
 * {@code wait()} or {@code join()} without a timeout
 * @param timedWaiting threads in state {@link Thread.State#TIMED_WAITING TIMED_WAITING}:
 * sleeping, or parked or waiting with a timeout
 * @param terminated threads in state {@link Thread.State#TERMINATED TERMINATED}: ended
 * while they were being counted (almost always 0)
 */
public record ThreadStates(int unstarted, int runnable, int blocked, int waiting, int timedWaiting, int terminated) {

	/** {@link Thread.State#values()} once: each call of that copies the array. */
	static final Thread.State[] STATES = Thread.State.values();

	/**
	 * Counts indexed by {@link Thread.State#ordinal()}.
	 * @param counts one count per state
	 * @return the figures
	 */
	static ThreadStates of(int[] counts) {
		return new ThreadStates(counts[Thread.State.NEW.ordinal()], counts[Thread.State.RUNNABLE.ordinal()],
				counts[Thread.State.BLOCKED.ordinal()], counts[Thread.State.WAITING.ordinal()],
				counts[Thread.State.TIMED_WAITING.ordinal()], counts[Thread.State.TERMINATED.ordinal()]);
	}

	/**
	 * The threads in one state.
	 * @param state the state
	 * @return how many threads were in it
	 */
	public int count(Thread.State state) {
		return switch (state) {
			case NEW -> this.unstarted;
			case RUNNABLE -> this.runnable;
			case BLOCKED -> this.blocked;
			case WAITING -> this.waiting;
			case TIMED_WAITING -> this.timedWaiting;
			case TERMINATED -> this.terminated;
		};
	}

	/**
	 * Whether these are the given counts.
	 * @param counts one count per state, indexed by {@link Thread.State#ordinal()}
	 * @return {@code true} when every count is the same
	 */
	boolean matches(int[] counts) {
		for (Thread.State state : STATES) {
			if (count(state) != counts[state.ordinal()]) {
				return false;
			}
		}
		return true;
	}
}
