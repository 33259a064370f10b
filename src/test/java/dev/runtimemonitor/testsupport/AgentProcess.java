package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain {@code main} started with the agent jar as {@code -javaagent} starts it, on
 * 127.0.0.1: by default {@link IdleApplication} on the build's JDK. The port is the one
 * its start line names; the output (standard output and error together) is watched.
 */
public final class AgentProcess extends WatchedProcess {

	private static final Pattern STARTED = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

	private AgentProcess(Process process) {
		super(process, "agent");
	}

	/**
	 * The agent jar the build packaged, as the failsafe plugin passes it.
	 * @return the path of the jar
	 */
	public static Path agentJar() {
		String jar = System.getProperty("agent.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No agent jar at " + jar + "; run through './mvnw verify'");
		}
		return Path.of(jar);
	}

	/**
	 * Start the idle application with the agent on the build's JDK.
	 * @param jvmOptions options for the JVM, before the agent's
	 * @param classPath what the application's class path holds besides it, such as a
	 * host's own logging
	 * @param agentArguments the agent's argument, {@code [host:]port[:config-file]}
	 * @param seconds how long the application runs
	 * @return the started process; call {@link #awaitPort(Duration)} to wait until the
	 * agent answers
	 * @throws IOException when the process cannot be started
	 */
	public static AgentProcess start(List<String> jvmOptions, List<Path> classPath, String agentArguments, int seconds)
			throws IOException {
		List<Path> entries = new ArrayList<>();
		entries.add(locationOf(IdleApplication.class));
		entries.addAll(classPath);
		return start(Path.of(System.getProperty("java.home")), jvmOptions, entries, IdleApplication.class,
				agentArguments, String.valueOf(seconds));
	}

	/**
	 * Start a program with the agent.
	 * @param jdk the home of the JDK to run it on
	 * @param jvmOptions options for the JVM, before the agent's
	 * @param classPath the program's class path
	 * @param main the program's main class
	 * @param agentArguments the agent's argument, {@code [host:]port[:config-file]}
	 * @param arguments the program's arguments
	 * @return the started process; call {@link #awaitPort(Duration)} to wait until the
	 * agent answers
	 * @throws IOException when the process cannot be started
	 */
	public static AgentProcess start(Path jdk, List<String> jvmOptions, List<Path> classPath, Class<?> main,
			String agentArguments, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(jdk.resolve("bin/java").toString());
		command.addAll(jvmOptions);
		command.add("-javaagent:" + agentJar() + "=" + agentArguments);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
		command.add(main.getName());
		command.addAll(List.of(arguments));
		return new AgentProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * Where a class on the test's class path was loaded from: a directory or a jar.
	 * @param type the class
	 * @return its class path entry
	 */
	public static Path locationOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("No path for " + type, ex);
		}
	}

	/**
	 * Wait until the agent names its port.
	 * @param timeout how long to wait
	 * @return the port
	 */
	public int awaitPort(Duration timeout) {
		return Integer.parseInt(awaitLine(STARTED, timeout));
	}

}
