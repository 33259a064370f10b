package dev.runtimemonitor.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool a test needs (chromium, promtool, podman...). When it is not
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
	 * @param command the command's name, such as {@code chromium}
	 * @param install how to install it, such as {@code apt-get install chromium}
	 * @return the tool
	 */
	public static ExternalTool require(String command, String install) {
		Optional<Path> found = find(command, System.getenv("PATH"));
		if (found.isPresent()) {
			return new ExternalTool(found.get());
		}
		String message = "'" + command + "' is not on the PATH; install it with: " + install;
		if (isCi()) {
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

	static boolean isCi() {
		String ci = System.getenv("CI");
		return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
	}

	public Path executable() {
		return this.executable;
	}

}
