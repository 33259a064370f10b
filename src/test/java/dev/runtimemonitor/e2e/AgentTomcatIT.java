package dev.runtimemonitor.e2e;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.WatchedProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent in Apache Tomcat 10.1 as its users download it, which the build unpacks into
 * {@code target/agent-hosts}, started as they start it, {@code bin/catalina.sh run}, with
 * the agent in {@code CATALINA_OPTS}. Tomcat runs from a base of its own
 * ({@code CATALINA_BASE}) whose {@code server.xml} is the distribution's, edited as an
 * operator would: no shutdown port, the HTTP connector on a port the system picks, on
 * 127.0.0.1, with a shared executor whose idle workers end after a second. The agent
 * answers on its port while Tomcat serves its own pages on its; its threads check goes
 * critical while Tomcat's own examples webapp holds its workers, and back once they end;
 * and it counts every GC pause Tomcat's GC log shows.
 */
class AgentTomcatIT {

	private static final Path HOSTS = Path.of("target", "agent-hosts");

	private static final Pattern AGENT_STARTED = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

	/** Tomcat names its connector after the port the system gave it. */
	private static final Pattern TOMCAT_PORT = Pattern
		.compile("Starting ProtocolHandler \\[\"http-nio-127\\.0\\.0\\.1-auto-\\d+-(\\d+)\"\\]");

	private static final Pattern TOMCAT_STARTED = Pattern.compile("Server startup in \\[(\\d+)\\] milliseconds");

	/** A servlet of the examples webapp that reads a form's parameters from the body. */
	private static final String FORM = "/examples/servlets/servlet/RequestParamExample";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static WatchedProcess tomcat;

	private static Path gcLog;

	private static int agentPort;

	private static int tomcatPort;

	@BeforeAll
	static void start(@TempDir Path directory) throws IOException {
		Path home = tomcatHome();
		Path base = base(home, directory.resolve("base"));
		gcLog = directory.resolve("gc.log");
		List<String> options = new ArrayList<>();
		options.add("-javaagent:" + System.getProperty("agent.jar") + "=127.0.0.1:0:"
				+ ThreadsCheckSettings.write(directory));
		options.addAll(GcPauseCount.jvmOptions(gcLog, 1024));
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/catalina.sh").toString(), "run")
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet()
			.removeIf((name) -> name.startsWith("CATALINA_") || name.startsWith("JPDA_")
					|| List.of("JAVA_OPTS", "JRE_HOME", "CLASSPATH").contains(name));
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("CATALINA_HOME", home.toString());
		environment.put("CATALINA_BASE", base.toString());
		environment.put("CATALINA_OPTS", String.join(" ", options));
		tomcat = new WatchedProcess(builder.start(), "tomcat");
		agentPort = Integer.parseInt(tomcat.awaitLine(AGENT_STARTED, START_TIMEOUT));
		tomcatPort = Integer.parseInt(tomcat.awaitLine(TOMCAT_PORT, START_TIMEOUT));
		tomcat.awaitLine(TOMCAT_STARTED, START_TIMEOUT);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (tomcat == null) {
			return;
		}
		// catalina.sh run execs the JVM: SIGTERM reaches Tomcat, whose shutdown hook
		// stops
		// it as an operator's signal would.
		Process process = tomcat.process();
		process.destroy();
		boolean stopped = process.waitFor(30, TimeUnit.SECONDS);
		if (!stopped) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(stopped).as("Tomcat stopped within 30 s of SIGTERM:\n%s", tomcat.output()).isTrue();
	}

	@Test
	void theAgentAnswersOnItsPortWhileTomcatServesItsOwnPagesOnIts() {
		HttpResponse<String> health = Http.get(agentPort, "/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(health.body()).startsWith("{\"status\":\"UP\",\"components\":{\"runtime\":{\"status\":\"UP\"")
			.contains("\"runtimeLiveness\"", "\"runtimeReadiness\"");
		assertThat(Http.get(agentPort, "/health/liveness").body()).contains("\"runtimeLiveness\"")
			.doesNotContain("\"runtimeReadiness\"");
		assertThat(Http.get(agentPort, "/health/readiness").statusCode()).isEqualTo(200);
		assertThat(Http.get(agentPort, "/metrics").body()).contains("runtime_check_level{check=\"threads\"}",
				"runtime_check_level{check=\"gc-pause\"}", "jvm_threads_live_threads", "jvm_memory_used_bytes",
				"jvm_classes_loaded_classes", "process_cpu_usage");
		assertThat(Http.get(agentPort, "/runtime", "text/plain").body()).startsWith("Runtime report");

		// Static pages and a servlet: a JSP's first request compiles it, for seconds on a
		// busy machine.
		assertThat(Http.get(tomcatPort, "/docs/").body()).contains("<title>Apache Tomcat 10 (10.1.");
		assertThat(Http.get(tomcatPort, "/examples/").body()).contains("<title>Apache Tomcat Examples</title>");
		HttpResponse<String> form = Http.get(tomcatPort, FORM + "?firstname=plain&lastname=get");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("plain");
		assertThat(Http.get(tomcatPort, "/metrics").statusCode()).as("the agent's paths stay off Tomcat's port")
			.isEqualTo(404);
	}

	@Test
	void theThreadsCheckGoesCriticalWhileTomcatsWorkersAreHeldAndBackWhenTheyEnd() {
		ThreadsCheckSettings.awaitLevel(agentPort, "ok", tomcat::output);
		try (HeldRequests held = HeldRequests.hold(tomcatPort, FORM, ThreadsCheckSettings.LOAD)) {
			ThreadsCheckSettings.awaitLevel(agentPort, "critical", tomcat::output);
			assertThat(held.release()).hasSize(ThreadsCheckSettings.LOAD).containsOnly("HTTP/1.1 200 ");
		}
		// The workers are idle now; the executor's maxIdleTime ends them a second later.
		ThreadsCheckSettings.awaitLevel(agentPort, "ok", tomcat::output);
	}

	@Test
	void everyPauseTheGcLogShowsIsCounted() throws Exception {
		long before = GcPauseCount.logged(gcLog);
		GcPauseCount.collect(Path.of(System.getProperty("java.home")), tomcat.process().pid(), 3);
		GcPauseCount.awaitAgreement(agentPort, gcLog, before + 3, tomcat::output);
	}

	private static Path tomcatHome() throws IOException {
		if (Files.isDirectory(HOSTS)) {
			try (Stream<Path> unpacked = Files.list(HOSTS)) {
				List<Path> homes = unpacked.filter((path) -> path.getFileName().toString().startsWith("apache-tomcat-"))
					.toList();
				if (homes.size() == 1) {
					return homes.get(0).toAbsolutePath();
				}
			}
		}
		throw new IllegalStateException("No single Tomcat unpacked in " + HOSTS.toAbsolutePath()
				+ "; the build unpacks it before the end-to-end tests: run through './mvnw verify'");
	}

	/**
	 * A base of Tomcat's own for this run: the distribution's configuration with its
	 * {@code server.xml} edited, and the webapps of the distribution.
	 */
	private static Path base(Path home, Path base) throws IOException {
		for (String directory : List.of("conf", "logs", "temp", "work")) {
			Files.createDirectories(base.resolve(directory));
		}
		try (Stream<Path> files = Files.list(home.resolve("conf"))) {
			for (Path file : files.toList()) {
				Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
			}
		}
		Path serverXml = base.resolve("conf/server.xml");
		String server = Files.readString(serverXml);
		server = replaceOnce(server, "<Server port=\"8005\"", "<Server port=\"-1\"");
		server = replaceOnce(server, "<Service name=\"Catalina\">", """
				<Service name="Catalina">
				    <Executor name="workers" namePrefix="catalina-exec-" minSpareThreads="2" maxThreads="400"
				              maxIdleTime="1000"/>""");
		server = replaceOnce(server, "<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
				"<Connector executor=\"workers\" address=\"127.0.0.1\" port=\"0\" protocol=\"HTTP/1.1\"");
		server = replaceOnce(server, "appBase=\"webapps\"", "appBase=\"" + home.resolve("webapps") + "\"");
		Files.writeString(serverXml, server);
		return base;
	}

	private static String replaceOnce(String text, String target, String replacement) {
		int at = text.indexOf(target);
		assertThat(at).as("'%s' in Tomcat's server.xml", target).isNotNegative();
		assertThat(text.indexOf(target, at + 1)).as("'%s' once in Tomcat's server.xml", target).isNegative();
		return text.substring(0, at) + replacement + text.substring(at + target.length());
	}

}
