package dev.runtimemonitor.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A plain {@code main} that idles until its standard input ends, and starts and ends
 * threads of its own when told there: {@code start N} starts N threads that wait, then
 * prints {@code started N}; {@code end} ends them all, then prints {@code ended}. The
 * program's own load, for a check of the agent's to rise and fall on. Written to Java
 * 17's API, so that it can be compiled for Java 17 and run there too.
 */
public final class ThreadsOnRequestApplication {

	private ThreadsOnRequestApplication() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		System.out.println("application started");
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		List<Thread> waiting = new ArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		String command;
		while ((command = commands.readLine()) != null) {
			if (command.startsWith("start ")) {
				int count = Integer.parseInt(command.substring("start ".length()).trim());
				for (int i = 0; i < count; i++) {
					Thread thread = new Thread(awaiting(release), "waiting-" + waiting.size());
					thread.start();
					waiting.add(thread);
				}
				System.out.println("started " + count);
			}
			else if (command.equals("end")) {
				release.countDown();
				for (Thread thread : waiting) {
					thread.join();
				}
				waiting.clear();
				release = new CountDownLatch(1);
				System.out.println("ended");
			}
		}
		// The input ended (the test is over, or gone): nothing may keep the JVM alive.
		release.countDown();
	}

	private static Runnable awaiting(CountDownLatch release) {
		return () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

}
