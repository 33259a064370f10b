package dev.runtimemonitor.sampling.evidence;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One deadlocked thread: what it waits for, who holds that, what it holds, and where it
 * stands.
 *
 * @param name the thread's name
 * @param id the thread's id
 * @param state its state: {@code BLOCKED} on a monitor, {@code WAITING} on an ownable
 * synchronizer such as a {@code ReentrantLock}
 * @param daemon whether it is a daemon thread
 * @param waitingFor the lock it waits for, {@code null} when it waits for none
 * @param lockOwnerName the name of the thread that holds that lock, {@code null} when
 * none does
 * @param lockOwnerId the id of the thread that holds that lock, {@code -1} when none does
 * @param stack its stack, innermost frame first, at most the source's depth
 * @param stackCut whether the stack had more frames than the source keeps
 * @param lockedMonitors the monitors it holds
 * @param lockedSynchronizers the ownable synchronizers it holds
 */
public record DeadlockedThread(String name, long id, Thread.State state, boolean daemon, @Nullable LockRef waitingFor,
		@Nullable String lockOwnerName, long lockOwnerId, List<StackFrame> stack, boolean stackCut,
		List<LockRef> lockedMonitors, List<LockRef> lockedSynchronizers) {

	public DeadlockedThread {
		stack = List.copyOf(stack);
		lockedMonitors = List.copyOf(lockedMonitors);
		lockedSynchronizers = List.copyOf(lockedSynchronizers);
	}

	/**
	 * This thread with its stack cut to a depth.
	 * @param maxDepth the most frames to keep
	 * @return this thread when its stack fits, else a copy with the innermost
	 * {@code maxDepth} frames and {@link #stackCut()} set
	 */
	public DeadlockedThread withMaxDepth(int maxDepth) {
		if (this.stack.size() <= maxDepth) {
			return this;
		}
		return new DeadlockedThread(this.name, this.id, this.state, this.daemon, this.waitingFor, this.lockOwnerName,
				this.lockOwnerId, this.stack.subList(0, maxDepth), true, this.lockedMonitors, this.lockedSynchronizers);
	}

}
