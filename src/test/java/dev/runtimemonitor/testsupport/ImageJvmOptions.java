package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM options the container image ships, read from the Dockerfile, so that tests
 * which hold the monitor to a bar under those options cannot drift from them.
 */
public final class ImageJvmOptions {

	private static final Pattern JAVA_TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

	private ImageJvmOptions() {
	}

	/**
	 * The image's {@code JAVA_TOOL_OPTIONS}, option by option.
	 * @return the options, in the Dockerfile's order
	 * @throws IllegalStateException if the Dockerfile sets no {@code JAVA_TOOL_OPTIONS}
	 */
	public static List<String> javaToolOptions() {
		Path dockerfile = Path.of("Dockerfile");
		try {
			Matcher matcher = JAVA_TOOL_OPTIONS.matcher(Files.readString(dockerfile));
			if (!matcher.find()) {
				throw new IllegalStateException("No ENV JAVA_TOOL_OPTIONS=\"...\" in " + dockerfile.toAbsolutePath());
			}
			return Arrays.asList(matcher.group(1).trim().split("\\s+"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
