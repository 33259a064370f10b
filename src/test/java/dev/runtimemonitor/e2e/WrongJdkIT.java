package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.runtimemonitor.testsupport.ExternalTool;
import dev.runtimemonitor.testsupport.InstalledJdks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a JDK older than 21 as {@code JAVA_HOME}, common on developer machines, the build
 * stops at once with a message that names the JDK needed and how to point at it.
 */
class WrongJdkIT {

	@Test
	void theBuildStopsAtOnceNamingTheJdkNeeded() throws Exception {
		Path oldJdk = olderJdk().orElseGet(() -> ExternalTool.missing(
				"No JDK older than 21 in /usr/lib/jvm; install one with: apt-get install openjdk-17-jdk-headless"));
		// The output goes to a file, so that a build that hangs meets the timeout below
		// instead of blocking a read of its output forever.
		Path log = Files.createTempFile("wrong-jdk-build", ".log");
		ProcessBuilder builder = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "validate").redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", oldJdk.toString());
		Process build = builder.start();
		boolean ended = build.waitFor(120, TimeUnit.SECONDS);
		if (!ended) {
			build.descendants().forEach(ProcessHandle::destroyForcibly);
			build.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		String output = Files.readString(log);
		Files.delete(log);
		assertThat(ended).as("the build ended within 120 s: %s", output).isTrue();
		assertThat(build.exitValue()).as(output).isNotZero();
		assertThat(output).contains("runtime-monitor needs JDK 21 or later")
			.contains("export JAVA_HOME=")
			.containsPattern("JDK 1[1-9][.+]")
			.doesNotContain("UnsupportedClassVersionError")
			.doesNotContain("COMPILATION ERROR");
	}

	/**
	 * A JDK older than 21 installed beside the one running the tests.
	 */
	private static Optional<Path> olderJdk() {
		return InstalledJdks.installed()
			.stream()
			.filter((jdk) -> jdk.feature() < 21)
			.map(InstalledJdks.Jdk::home)
			.min(Comparator.naturalOrder());
	}

}
