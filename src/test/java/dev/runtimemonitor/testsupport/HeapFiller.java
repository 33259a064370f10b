package dev.runtimemonitor.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * A JVM to run inside a {@link MemoryCgroup}: it allocates and touches heap, one mebibyte
 * at a time, prints {@code held N} every 16 mebibytes, and {@code holding N} once it has
 * what it was asked for, which it then holds until it is killed. With no count it
 * allocates until the JVM or the kernel stops it.
 */
public final class HeapFiller {

	private HeapFiller() {
	}

	/**
	 * The command that runs the filler in a new JVM.
	 * @param jvmOptions options for the JVM, such as {@code -Xmx1g}
	 * @param mebibytes how much to hold, or {@code null} for no end
	 * @return the command
	 */
	public static List<String> command(List<String> jvmOptions, @Nullable Integer mebibytes) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath());
		command.add(HeapFiller.class.getName());
		if (mebibytes != null) {
			command.add(mebibytes.toString());
		}
		return command;
	}

	/**
	 * Wait until a filler holds all it was asked to.
	 * @param process the filler, started with a count
	 * @param timeout how long to wait
	 * @return the filler's output up to then
	 * @throws IllegalStateException when it ends or does not get there in time
	 */
	public static String awaitHolding(Process process, Duration timeout) {
		StringBuffer output = new StringBuffer();
		CompletableFuture<Boolean> holding = CompletableFuture.supplyAsync(() -> {
			try {
				BufferedReader reader = process.inputReader(StandardCharsets.UTF_8);
				String line;
				while ((line = reader.readLine()) != null) {
					output.append(line).append('\n');
					if (line.startsWith("holding ")) {
						return true;
					}
				}
				return false;
			}
			catch (IOException ex) {
				return false;
			}
		});
		try {
			if (holding.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return output.toString();
			}
			throw new IllegalStateException("The filler ended before holding its memory:\n" + output);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The filler did not hold its memory within " + timeout + ":\n" + output);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String classpath() {
		try {
			return Path.of(HeapFiller.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void main(String[] args) throws InterruptedException {
		int target = (args.length > 0) ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
		List<byte[]> held = new ArrayList<>();
		while (held.size() < target) {
			byte[] chunk = new byte[1024 * 1024];
			for (int i = 0; i < chunk.length; i += 4096) {
				chunk[i] = 1;
			}
			held.add(chunk);
			if (held.size() % 16 == 0 || held.size() == target) {
				System.out.println("held " + held.size());
			}
		}
		System.out.println("holding " + held.size());
		Thread.sleep(Long.MAX_VALUE);
	}

}
