package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The packaged jar started as a user starts it, {@code java -jar}, on a port the
 * operating system picks, its output watched.
 */
public final class AppProcess extends WatchedProcess {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private AppProcess(Process process) {
		super(process, "app");
	}

	/**
	 * The jar the build packaged, as the failsafe plugin passes it.
	 * @return the path of the jar
	 */
	public static Path packagedJar() {
		String jar = System.getProperty("app.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No packaged jar at " + jar + "; run through './mvnw verify'");
		}
		return Path.of(jar);
	}

	/**
	 * Start the jar.
	 * @param jvmOptions options for the JVM, before {@code -jar}
	 * @param arguments application arguments such as
	 * {@code --runtime-monitor.interval=1s}
	 * @return the started process; call {@link #awaitPort(Duration)} to wait until it
	 * listens
	 * @throws IOException when the process cannot be started
	 */
	public static AppProcess start(List<String> jvmOptions, List<String> arguments) throws IOException {
		return new AppProcess(new ProcessBuilder(command(jvmOptions, arguments)).redirectErrorStream(true).start());
	}

	/**
	 * Start the jar inside a memory control group, as in a container with a memory limit.
	 * @param group the group
	 * @param jvmOptions options for the JVM, before {@code -jar}
	 * @param arguments application arguments
	 * @return the started process
	 * @throws IOException when the process cannot be started
	 */
	public static AppProcess startIn(MemoryCgroup group, List<String> jvmOptions, List<String> arguments)
			throws IOException {
		return new AppProcess(group.start(command(jvmOptions, arguments)));
	}

	/**
	 * Start the jar's main class from the class path, {@code java -cp jar Main-Class}.
	 * The JVM applies a manifest's {@code Add-Exports} only to the jar that
	 * {@code java -jar} starts, so here, as for a library in a host's application, the
	 * jar exports nothing.
	 * @param jvmOptions options for the JVM, before {@code -cp}
	 * @param arguments application arguments
	 * @return the started process
	 * @throws IOException when the jar or the process cannot be opened
	 */
	public static AppProcess startFromClassPath(List<String> jvmOptions, List<String> arguments) throws IOException {
		String mainClass;
		try (JarFile jar = new JarFile(packagedJar().toFile())) {
			mainClass = jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
		}
		List<String> launch = List.of("-cp", packagedJar().toString(), mainClass);
		return new AppProcess(
				new ProcessBuilder(command(jvmOptions, launch, arguments)).redirectErrorStream(true).start());
	}

	private static List<String> command(List<String> jvmOptions, List<String> arguments) {
		return command(jvmOptions, List.of("-jar", packagedJar().toString()), arguments);
	}

	private static List<String> command(List<String> jvmOptions, List<String> launch, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(launch);
		command.add("--server.port=0");
		command.add("--server.address=127.0.0.1");
		command.addAll(arguments);
		return command;
	}

	/**
	 * Wait until the server listens.
	 * @param timeout how long to wait
	 * @return the port
	 */
	public int awaitPort(Duration timeout) {
		return Integer.parseInt(awaitLine(PORT, timeout));
	}

}
