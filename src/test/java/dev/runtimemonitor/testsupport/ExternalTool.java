package dev.runtimemonitor.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs from the machine, such as {@code prometheus}. When it is missing
 * the test is skipped with a message that says how to install it, except in CI (the
 * {@code CI} environment variable is set), where a missing tool fails the test so that
 * nothing is silently skipped.
 */
public final class ExternalTool {

	private ExternalTool() {
	}

	/**
	 * The program's path, or a skip (a failure in CI) when it is not on the path.
	 * @param command the program's name, such as {@code promtool}
	 * @param install how to install it, such as {@code apt-get install prometheus}
	 * @return the program's path
	 */
	public static Path require(String command, String install) {
		Optional<Path> found = find(command);
		if (found.isPresent()) {
			return found.get();
		}
		String message = "'" + command + "' is not on the PATH; install it with '" + install + "'";
		if (isCi()) {
			return Assertions.fail(message + " (CI is set, so a missing tool fails the test)");
		}
		return Assumptions.abort(message + " to run this test");
	}

	static Optional<Path> find(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	static boolean isCi() {
		String ci = System.getenv("CI");
		return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
	}

}
