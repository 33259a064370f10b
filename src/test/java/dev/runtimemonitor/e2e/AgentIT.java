package dev.runtimemonitor.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.IdleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar started in a plain {@code main}, as {@code -javaagent} starts it: the
 * service's paths on the agent's port, and a JVM stopped with one message, never a stack
 * trace, for a bad setting or a port in use.
 */
class AgentIT {

	private static final Pattern STARTED = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	private final StringBuffer output = new StringBuffer();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private final CountDownLatch ended = new CountDownLatch(1);

	@Test
	void servesTheServicesPathsOnItsPort() throws Exception {
		Process process = start("127.0.0.1:0", 60);
		try {
			int port = awaitPort();
			HttpResponse<String> health = Http.get(port, "/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).startsWith("{\"status\":\"UP\",\"components\":{\"runtime\":{\"status\":\"UP\"")
				.contains("\"runtimeLiveness\"", "\"runtimeReadiness\"", "\"checks\":{\"threads\":{\"level\":\"ok\"");
			assertThat(Http.get(port, "/health/liveness").body()).contains("\"runtimeLiveness\"")
				.doesNotContain("\"runtimeReadiness\"");
			assertThat(Http.get(port, "/health/readiness").statusCode()).isEqualTo(200);
			HttpResponse<String> metrics = Http.get(port, "/metrics");
			assertThat(metrics.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain; version=0.0.4"));
			assertThat(metrics.body()).contains("runtime_check_level{check=\"threads\"} 0.0",
					"jvm_threads_live_threads", "jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds");
			assertThat(Http.get(port, "/metrics", "application/openmetrics-text").body()).endsWith("# EOF\n");
			assertThat(Http.get(port, "/runtime").body()).startsWith("{").contains("\"checks\"");
			assertThat(Http.get(port, "/runtime", "text/plain").body()).startsWith("Runtime report");
			assertThat(Http.get(port, "/env").statusCode()).isEqualTo(404);
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void stopsTheJvmWithOneMessageForABadSetting() throws Exception {
		Path file = Files.writeString(this.directory.resolve("agent.properties"),
				"runtime-monitor.checks.threads.warning=9000\n");
		Process process = start("127.0.0.1:0:" + file, 60);
		assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(output())
			.isEqualTo("runtime-monitor agent: the JVM stops: " + "runtime-monitor.checks.threads.warning=9000 (file "
					+ file + "): must not be above critical (5000)\n");
	}

	@Test
	void stopsTheJvmWithOneMessageForAPortInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Process process = start("127.0.0.1:" + taken.getLocalPort(), 60);
			assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isEqualTo(1);
			assertThat(output())
				.startsWith("runtime-monitor agent: the JVM stops: cannot listen on 127.0.0.1:" + taken.getLocalPort()
						+ ": ")
				.doesNotContain("\tat ")
				.hasLineCount(1);
		}
	}

	private Process start(String arguments, int seconds) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-javaagent:" + System.getProperty("agent.jar") + "=" + arguments);
		command.add("-cp");
		command.add(Path.of(IdleApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath())
			.toString());
		command.add(IdleApplication.class.getName());
		command.add(String.valueOf(seconds));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> read(process), "agent-output");
		reader.setDaemon(true);
		reader.start();
		return process;
	}

	private void read(Process process) {
		try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.append(line).append('\n');
				Matcher matcher = STARTED.matcher(line);
				if (matcher.find()) {
					this.port.complete(Integer.parseInt(matcher.group(1)));
				}
			}
		}
		catch (IOException ex) {
			this.output.append("[output closed: ").append(ex.getMessage()).append("]\n");
		}
		finally {
			this.port.complete(-1);
			this.ended.countDown();
		}
	}

	private int awaitPort() throws Exception {
		int port = this.port.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(port).as(this.output.toString()).isPositive();
		return port;
	}

	/** The whole output, once the process has closed it. */
	private String output() throws InterruptedException {
		assertThat(this.ended.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		return this.output.toString();
	}

}
