package dev.runtimemonitor.agent;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's threads: daemons, so that they never keep the application's JVM alive,
 * named {@code runtime-monitor-*}, and in a thread group of their own. The threads the
 * JDK starts for the agent (the HTTP server's dispatcher and timer, the monitor's
 * scheduler) are born in that group from the agent's threads, daemons like them, and
 * {@link #nameTheJdksThreads()} gives them the agent's prefix too.
 */
final class AgentThreads {

	static final String PREFIX = "runtime-monitor-";

	/** The monitor's own scheduler already has the name, without a suffix. */
	private static final String NAMED = "runtime-monitor";

	private final ThreadGroup group = new ThreadGroup("runtime-monitor");

	/**
	 * Threads for a pool of the agent's.
	 * @param name what the threads do, such as {@code http}
	 * @return the factory
	 */
	ThreadFactory factory(String name) {
		AtomicInteger number = new AtomicInteger();
		return (task) -> thread(name + "-" + number.incrementAndGet(), task);
	}

	/**
	 * Start a thread of the agent's.
	 * @param name what it does
	 * @param task what it runs
	 */
	void start(String name, Runnable task) {
		thread(name, task).start();
	}

	/**
	 * Do work on a thread of the agent's and wait for it, so that what the work creates
	 * (threads the JDK starts for it, above all) is the agent's, not the caller's.
	 * @param <T> the result's type
	 * @param name what the work does
	 * @param work the work
	 * @return its result
	 * @throws AgentStartException as the work throws it
	 */
	<T> T await(String name, Callable<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		start(name, () -> {
			try {
				result.complete(work.call());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AgentStartException("was interrupted while starting");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Give the threads the JDK started in the agent's group the agent's prefix.
	 */
	void nameTheJdksThreads() {
		Thread[] threads = new Thread[this.group.activeCount() + 8];
		int found = this.group.enumerate(threads);
		for (int i = 0; i < found; i++) {
			Thread thread = threads[i];
			if (!thread.getName().startsWith(NAMED)) {
				thread.setName(PREFIX + thread.getName().toLowerCase(Locale.ROOT).replace(' ', '-'));
			}
		}
	}

	private Thread thread(String name, Runnable task) {
		Thread thread = new Thread(this.group, task, PREFIX + name);
		thread.setDaemon(true);
		return thread;
	}

}
