package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What JDK 25.0.3 wrote for the diagnostic commands the evidence runs, kept in
 * {@code src/test/resources/evidence}: the parsers are tested against it, and the
 * formatters write what was parsed from it.
 */
public final class JdkOutputs {

	private JdkOutputs() {
	}

	/**
	 * The output of {@code gcClassHistogram}, for a JVM that kept 64 MB of
	 * {@code byte[]}, 20,000 records of its own ({@code Fixture$Order}) and 100 lambdas.
	 * @return the histogram, 674 classes
	 */
	public static String classHistogram() {
		return read("gc-class-histogram-jdk25.txt");
	}

	/**
	 * The output of {@code vmNativeMemory summary scale=KB}, for a JVM with
	 * {@code -Xmx256m -XX:NativeMemoryTracking=summary}.
	 * @return the summary
	 */
	public static String nativeMemorySummary() {
		return read("vm-native-memory-summary-jdk25.txt");
	}

	private static String read(String name) {
		try (InputStream in = JdkOutputs.class.getResourceAsStream("/evidence/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No test resource /evidence/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
