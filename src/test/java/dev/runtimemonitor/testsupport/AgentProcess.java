package dev.runtimemonitor.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain {@code main} ({@link IdleApplication}) started with the agent jar as
 * {@code -javaagent} starts it, on 127.0.0.1. The port is the one its start line names;
 * the output (standard output and error together) is kept for assertions and failure
 * reports.
 */
public final class AgentProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final CountDownLatch started = new CountDownLatch(1);

	private volatile int port = -1;

	private AgentProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "agent-output");
		reader.setDaemon(true);
		reader.start();
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
	 * Start the idle application with the agent.
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
		List<String> entries = new ArrayList<>();
		entries.add(locationOf(IdleApplication.class).toString());
		classPath.forEach((entry) -> entries.add(entry.toString()));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-javaagent:" + agentJar() + "=" + agentArguments);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, entries));
		command.add(IdleApplication.class.getName());
		command.add(String.valueOf(seconds));
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

	private void readOutput() {
		try (BufferedReader lines = this.process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.append(line).append('\n');
				Matcher matcher = STARTED.matcher(line);
				if (matcher.find()) {
					this.port = Integer.parseInt(matcher.group(1));
					this.started.countDown();
				}
			}
		}
		catch (IOException ex) {
			this.output.append("[output closed: ").append(ex.getMessage()).append("]\n");
		}
		finally {
			this.started.countDown();
		}
	}

	/**
	 * Wait until the agent names its port.
	 * @param timeout how long to wait
	 * @return the port
	 * @throws InterruptedException when interrupted
	 */
	public int awaitPort(Duration timeout) throws InterruptedException {
		if (!this.started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || this.port < 0) {
			throw new IllegalStateException("The agent did not start within " + timeout + ":\n" + this.output);
		}
		return this.port;
	}

	public String output() {
		return this.output.toString();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
