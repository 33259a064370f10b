package dev.runtimemonitor.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool a test needs (promtool, prometheus, podman...). When it is not
 * installed the test is skipped with a message that says how to install it, except in CI
 * (environment variable {@code CI} set), where a missing tool fails the test: nothing
 * skips silently there.
 */
public final class ExternalTool {

	private final Path executable;

	private ExternalTool(Path executable) {
		this.executable = executable;
	}

	/**
	 * The tool, found on the {@code PATH}; the calling test is skipped (or, in CI, fails)
	 * when it is missing.
	 * @param command the command's name, such as {@code promtool}
	 * @param install how to install it, such as {@code apt-get install prometheus}
	 * @return the tool
	 */
	public static ExternalTool require(String command, String install) {
		return require(command, install, System.getenv("PATH"), isCi(System.getenv("CI")));
	}

	static ExternalTool require(String command, String install, String path, boolean ci) {
		Optional<Path> found = find(command, path);
		if (found.isPresent()) {
			return new ExternalTool(found.get());
		}
		return missing("'" + command + "' is not on the PATH; install it with: " + install, ci);
	}

	/**
	 * Skip the calling test (or, in CI, fail it) because something it needs is missing.
	 * @param <T> whatever the caller would have returned
	 * @param message what is missing and how to install it
	 * @return never returns
	 */
	public static <T> T missing(String message) {
		return missing(message, isCi(System.getenv("CI")));
	}

	private static <T> T missing(String message, boolean ci) {
		if (ci) {
			return Assertions.fail(message + " (CI is set, so a missing tool fails the build)");
		}
		Assumptions.abort(message);
		throw new IllegalStateException("unreachable");
	}

	static Optional<Path> find(String command, String path) {
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	static boolean isCi(String ci) {
		return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
	}

	public Path executable() {
		return this.executable;
	}

	/**
	 * Run the tool to completion.
	 * @param directory the working directory
	 * @param timeout how long it may take; it is killed after that
	 * @param arguments its arguments
	 * @return its exit code and its output, standard error included
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting
	 */
	public Result run(Path directory, Duration timeout, String... arguments) throws IOException, InterruptedException {
		return runWithInput(null, directory, timeout, arguments);
	}

	/**
	 * Run the tool to completion, writing to its standard input first.
	 * @param input what to write to its standard input, or {@code null} for nothing
	 * @param directory the working directory
	 * @param timeout how long it may take; it is killed after that
	 * @param arguments its arguments
	 * @return its exit code and its output, standard error included
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted while waiting
	 */
	public Result runWithInput(@Nullable String input, Path directory, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.executable.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
		try (OutputStream stdin = process.getOutputStream()) {
			if (input != null) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
			}
			return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not read the output of " + String.join(" ", command), ex);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String readAll(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "[output unreadable: " + ex.getMessage() + "]";
		}
	}

	/**
	 * How a run ended.
	 *
	 * @param exitCode the process's exit code
	 * @param output what it printed, standard error included
	 */
	public record Result(int exitCode, String output) {

		/**
		 * The lines of the output.
		 * @return the non-blank lines
		 */
		public List<String> lines() {
			return this.output.lines().filter((line) -> !line.isBlank()).toList();
		}

	}

}
