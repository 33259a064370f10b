package dev.runtimemonitor.monitor.evidence;

import java.util.List;
import java.util.StringJoiner;

import dev.runtimemonitor.sampling.evidence.DeadlockedThread;
import dev.runtimemonitor.sampling.evidence.DeadlockedThreads;
import dev.runtimemonitor.sampling.evidence.LockRef;
import dev.runtimemonitor.sampling.evidence.StackFrame;
import org.jspecify.annotations.Nullable;

/**
 * Writes the deadlocks capture as {@code jstack} writes a deadlock: first who waits for
 * which lock held by whom, then each thread's stack with the locks it waits for and
 * holds. Locks are named by class and identity hash code, as {@code ThreadInfo} names
 * them, where {@code jstack} prints addresses: <pre>
 * Found one Java-level deadlock: 2 threads
 * =============================
 * "demo-deadlock-1" #31:
 *   waiting for ownable synchronizer &lt;java.util.concurrent.locks.ReentrantLock$NonfairSync@5e9f23b4&gt;,
 *   which is held by "demo-deadlock-2" #32
 * "demo-deadlock-2" #32:
 *   waiting for ownable synchronizer &lt;java.util.concurrent.locks.ReentrantLock$NonfairSync@4783da3f&gt;,
 *   which is held by "demo-deadlock-1" #31
 *
 * Java stack information for the threads listed above:
 * ===================================================
 * "demo-deadlock-1" #31 daemon WAITING
 * 	at java.base@25/jdk.internal.misc.Unsafe.park(Native Method)
 * 	- parking to wait for &lt;java.util.concurrent.locks.ReentrantLock$NonfairSync@5e9f23b4&gt;
 * 	at ...
 *
 * 	Locked ownable synchronizers:
 * 	- &lt;java.util.concurrent.locks.ReentrantLock$NonfairSync@4783da3f&gt;
 * </pre> The summary names who waits for whom, for the first few threads.
 */
final class DeadlocksFormatter {

	private static final int SUMMARY_THREADS = 4;

	private DeadlocksFormatter() {
	}

	static Capture format(DeadlockedThreads deadlocked) {
		return Capture.taken(summary(deadlocked), text(deadlocked));
	}

	private static String summary(DeadlockedThreads deadlocked) {
		if (!deadlocked.found()) {
			return "no deadlocked threads found at the capture";
		}
		StringJoiner waits = new StringJoiner("; ", deadlocked.count() + " deadlocked threads: ", "");
		List<DeadlockedThread> threads = deadlocked.threads();
		for (DeadlockedThread thread : threads.subList(0, Math.min(SUMMARY_THREADS, threads.size()))) {
			String owner = thread.lockOwnerName();
			waits.add(quoted(thread.name()) + " waits for " + ((owner != null) ? quoted(owner) : "a lock"));
		}
		return waits + ((threads.size() > SUMMARY_THREADS) ? "; ..." : "");
	}

	private static String text(DeadlockedThreads deadlocked) {
		if (!deadlocked.found()) {
			return "No Java-level deadlock found.\n";
		}
		StringBuilder text = new StringBuilder(4096);
		String heading = "Found one Java-level deadlock: " + deadlocked.count() + " threads";
		text.append(heading).append('\n').append("=".repeat(heading.indexOf(':'))).append('\n');
		for (DeadlockedThread thread : deadlocked.threads()) {
			text.append(title(thread)).append(":\n");
			if (thread.waitingFor() != null) {
				text.append("  ")
					.append(isMonitor(thread) ? "waiting to lock monitor " : "waiting for ownable synchronizer ")
					.append('<')
					.append(thread.waitingFor())
					.append(">,\n  which is held by ")
					.append(owner(thread))
					.append('\n');
			}
		}
		if (deadlocked.left() > 0) {
			text.append("... and ").append(deadlocked.left()).append(" more deadlocked threads, not captured\n");
		}
		text.append("\nJava stack information for the threads listed above:\n");
		text.append("===================================================\n");
		for (DeadlockedThread thread : deadlocked.threads()) {
			appendStack(text, thread);
		}
		return text.toString();
	}

	private static void appendStack(StringBuilder text, DeadlockedThread thread) {
		text.append(title(thread));
		if (thread.daemon()) {
			text.append(" daemon");
		}
		text.append(' ').append(thread.state()).append('\n');
		List<StackFrame> stack = thread.stack();
		for (int depth = 0; depth < stack.size(); depth++) {
			StackFrame frame = stack.get(depth);
			text.append("\tat ").append(frame.location()).append('\n');
			if (depth == 0 && thread.waitingFor() != null) {
				text.append("\t- ")
					.append(waitVerb(thread, frame))
					.append(" <")
					.append(thread.waitingFor())
					.append('>');
				if (thread.lockOwnerName() != null) {
					text.append(" (held by ").append(owner(thread)).append(')');
				}
				text.append('\n');
			}
			for (LockRef locked : frame.locked()) {
				text.append("\t- locked <").append(locked).append(">\n");
			}
		}
		if (thread.stackCut()) {
			text.append("\t... (stack cut at ").append(stack.size()).append(" frames)\n");
		}
		appendLocks(text, "Locked monitors", thread.lockedMonitors());
		appendLocks(text, "Locked ownable synchronizers", thread.lockedSynchronizers());
		text.append('\n');
	}

	private static void appendLocks(StringBuilder text, String title, List<LockRef> locks) {
		if (locks.isEmpty()) {
			return;
		}
		text.append("\n\t").append(title).append(":\n");
		for (LockRef lock : locks) {
			text.append("\t- <").append(lock).append(">\n");
		}
	}

	private static String waitVerb(DeadlockedThread thread, StackFrame top) {
		if (isMonitor(thread)) {
			return "waiting to lock";
		}
		return top.location().contains(".park(") ? "parking to wait for" : "waiting on";
	}

	private static boolean isMonitor(DeadlockedThread thread) {
		return thread.state() == Thread.State.BLOCKED;
	}

	private static String title(DeadlockedThread thread) {
		return quoted(thread.name()) + " #" + thread.id();
	}

	private static String owner(DeadlockedThread thread) {
		@Nullable String name = thread.lockOwnerName();
		return (name != null) ? quoted(name) + " #" + thread.lockOwnerId() : "no thread";
	}

	private static String quoted(String name) {
		return "\"" + name + "\"";
	}

}
