package dev.runtimemonitor.testsupport;

/**
 * A plain {@code main} that does nothing for as long as it is told: the smallest
 * application to start the agent in.
 */
public final class IdleApplication {

	private IdleApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.out.println("idle application started");
		Thread.sleep(Long.parseLong(args[0]) * 1000);
	}

}
