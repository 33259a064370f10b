package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JDKs installed beside the one running the tests, in {@code /usr/lib/jvm}, where the
 * distributions' packages and Temurin's put them, each with its feature version (17, 21,
 * 25) as its {@code release} file names it.
 */
public final class InstalledJdks {

	private static final Path JVMS = Path.of("/usr/lib/jvm");

	private InstalledJdks() {
	}

	/**
	 * The JDKs in {@code /usr/lib/jvm}, by path.
	 * @return every directory there with a {@code bin/java} and a readable version
	 */
	public static List<Jdk> installed() {
		if (!Files.isDirectory(JVMS)) {
			return List.of();
		}
		try (Stream<Path> candidates = Files.list(JVMS)) {
			return candidates.filter((home) -> Files.isExecutable(home.resolve("bin/java")))
				.map((home) -> new Jdk(home, featureVersion(home)))
				.filter((jdk) -> jdk.feature() > 0)
				.sorted(Comparator.comparing(Jdk::home))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A JDK of one feature version: the one running the tests if it is that version, else
	 * one in {@code /usr/lib/jvm}. The calling test is skipped (or, in CI, fails) when
	 * there is none.
	 * @param feature the feature version, such as 17
	 * @return its home
	 */
	public static Path require(int feature) {
		Path running = Path.of(System.getProperty("java.home"));
		if (Runtime.version().feature() == feature) {
			return running;
		}
		return installed().stream()
			.filter((jdk) -> jdk.feature() == feature)
			.map(Jdk::home)
			.findFirst()
			.orElseGet(() -> ExternalTool.missing("No JDK " + feature
					+ " in /usr/lib/jvm; install one with: apt-get install openjdk-" + feature + "-jdk-headless"));
	}

	private static int featureVersion(Path jdk) {
		try {
			for (String line : Files.readAllLines(jdk.resolve("release"))) {
				if (line.startsWith("JAVA_VERSION=")) {
					String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
					return Integer.parseInt(version.split("[.+-]")[0]);
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Not a JDK a test can use.
		}
		return -1;
	}

	/**
	 * An installed JDK.
	 *
	 * @param home its directory
	 * @param feature its feature version
	 */
	public record Jdk(Path home, int feature) {

	}

}
