package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import dev.runtimemonitor.testsupport.AgentProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.IdleApplication;
import dev.runtimemonitor.testsupport.InstalledJdks;
import dev.runtimemonitor.testsupport.ThreadsOnRequestApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar started in a plain {@code main}, as {@code -javaagent} starts it, on Java
 * 17 and on the build's Java 25: the service's paths on the agent's port, a check that
 * goes critical under the program's own load and back, and the GC pauses the JVM logs,
 * each counted; and a JVM stopped with one message, never a stack trace, for a bad
 * setting or a port in use.
 */
class AgentIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** The program, compiled for Java 17 so that every JDK runs it. */
	private static Path release17;

	@TempDir
	Path directory;

	@BeforeAll
	static void compile(@TempDir Path classes) {
		release17 = Release17Classes.compile(ThreadsOnRequestApplication.class, classes);
	}

	/**
	 * One JVM for each JDK, with the agent set so that the program's own threads move the
	 * threads check, and a GC log; its tests run in order, the pauses last.
	 */
	@Nested
	@ParameterizedClass(name = "Java {0}")
	@ValueSource(ints = { 17, 25 })
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class OnEachJdk {

		/** The JDK's feature version. */
		@Parameter
		int java;

		private static Path jdk;

		private static Path gcLog;

		/** {@link ThreadsOnRequestApplication}, told what to do on its standard input. */
		private static AgentProcess main;

		private static int port;

		@BeforeParameterizedClassInvocation
		static void start(int java, @TempDir Path directory) throws IOException {
			jdk = InstalledJdks.require(java);
			gcLog = directory.resolve("gc.log");
			main = AgentProcess.start(jdk, GcPauseCount.jvmOptions(gcLog, 512), List.of(release17),
					ThreadsOnRequestApplication.class, "127.0.0.1:0:" + ThreadsCheckSettings.write(directory));
			port = main.awaitPort(TIMEOUT);
		}

		@AfterParameterizedClassInvocation
		static void stop() throws InterruptedException {
			if (main != null) {
				main.close();
				main = null;
			}
		}

		@Test
		@Order(1)
		void servesTheServicesPathsOnItsPort() {
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
			assertThat(metrics.body()).as("the JVM's version")
				.containsPattern("jvm_info\\{[^}]*version=\"" + this.java + "[.+\"]");
			assertThat(Http.get(port, "/metrics", "application/openmetrics-text").body()).endsWith("# EOF\n");
			assertThat(Http.get(port, "/runtime").body()).startsWith("{").contains("\"checks\"");
			assertThat(Http.get(port, "/runtime", "text/plain").body()).startsWith("Runtime report");
			assertThat(Http.get(port, "/env").statusCode()).isEqualTo(404);
		}

		@Test
		@Order(2)
		void theThreadsCheckGoesCriticalUnderTheProgramsOwnLoadAndBack() throws IOException {
			ThreadsCheckSettings.awaitLevel(port, "ok", main::output);
			tell("start " + ThreadsCheckSettings.LOAD, Pattern.compile("(?m)^(started \\d+)$"));
			ThreadsCheckSettings.awaitLevel(port, "critical", main::output);
			tell("end", Pattern.compile("(?m)^(ended)$"));
			ThreadsCheckSettings.awaitLevel(port, "ok", main::output);
		}

		@Test
		@Order(3)
		void everyPauseTheGcLogShowsIsCounted() throws Exception {
			long before = GcPauseCount.logged(gcLog);
			GcPauseCount.collect(jdk, main.process().pid(), 3);
			GcPauseCount.awaitAgreement(port, gcLog, before + 3, main::output);
		}

		/**
		 * Write a command to the program, which ends on the end of its input, and wait
		 * for the answer it names.
		 */
		private static void tell(String command, Pattern answer) throws IOException {
			Writer input = main.process().outputWriter(StandardCharsets.UTF_8);
			input.write(command + "\n");
			input.flush();
			main.awaitLine(answer, TIMEOUT);
		}

	}

	@Test
	void stopsTheJvmWithOneMessageForABadSetting() throws Exception {
		Path file = Files.writeString(this.directory.resolve("agent.properties"),
				"runtime-monitor.checks.threads.warning=9000\n");
		assertThat(stopped("127.0.0.1:0:" + file))
			.isEqualTo("runtime-monitor agent: the JVM stops: " + "runtime-monitor.checks.threads.warning=9000 (file "
					+ file + "): must not be above critical (5000)\n");
	}

	@Test
	void stopsTheJvmWithOneMessageForAPortInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThat(stopped("127.0.0.1:" + taken.getLocalPort()))
				.startsWith("runtime-monitor agent: the JVM stops: cannot listen on 127.0.0.1:" + taken.getLocalPort()
						+ ": ")
				.doesNotContain("\tat ")
				.hasLineCount(1);
		}
	}

	/**
	 * Start {@link IdleApplication} with the agent on the build's JDK, for a minute at
	 * most, and expect the agent to stop it at once with exit code 1.
	 * @return its whole output
	 */
	private static String stopped(String arguments) throws IOException, InterruptedException {
		try (AgentProcess agent = AgentProcess.start(List.of(), List.of(), arguments, 60)) {
			assertThat(agent.awaitExit(TIMEOUT)).as(agent::output).isEqualTo(1);
			return agent.output();
		}
	}

}
