package dev.runtimemonitor.agent;

import java.lang.instrument.Instrumentation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.settings.MonitorSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The Java agent's entry:
 * {@code java -javaagent:runtime-monitor-agent.jar=[host:]port[:config-file] -jar app.jar}.
 * Before the application's main method it reads the settings and binds the port, so that
 * a bad setting or a port in use stops the JVM at once, with one message on standard
 * error; then everything else (the first sample, the meters, the server) happens on the
 * agent's own daemon threads, while the application starts.
 */
public final class RuntimeMonitorAgent {

	private static final String NAME = "runtime-monitor agent";

	private RuntimeMonitorAgent() {
	}

	/**
	 * Start the agent before the application's main method.
	 * @param arguments {@code [host:]port[:config-file]}
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void premain(@Nullable String arguments, Instrumentation instrumentation) {
		try {
			start(arguments, instrumentation);
		}
		catch (AgentStartException ex) {
			System.err.println(stopMessage(String.valueOf(ex.getMessage())));
			System.exit(1);
		}
	}

	/**
	 * What the agent says when it stops the JVM.
	 * @param problems what is wrong, one problem per line
	 * @return the message
	 */
	static String stopMessage(String problems) {
		return problems.contains("\n") ? NAME + ": the JVM stops:\n  " + problems.replace("\n", "\n  ")
				: NAME + ": the JVM stops: " + problems;
	}

	private static void start(@Nullable String arguments, Instrumentation instrumentation) {
		AgentArguments parsed = AgentArguments.parse(arguments);
		PropertyCatalog catalog = PropertyCatalog.ofAgent();
		Properties systemProperties = System.getProperties();
		MonitorSettings settings = AgentSettings.read(catalog,
				PropertyValues.find(catalog, parsed.configFile(), System.getenv(), systemProperties));
		if (!settings.enabled()) {
			System.err.println(NAME + ": off, as runtime-monitor.enabled is false");
			return;
		}
		AgentThreads threads = new AgentThreads();
		AgentServer server = AgentServer.bind(parsed.address(), threads);
		exportGcCounters(instrumentation);
		AgentLogging.configure();
		threads.start("start", () -> run(settings, server));
	}

	/**
	 * Let the library read the JVM's GC counters in memory ({@code jdk.internal.perf}),
	 * as the service's manifest lets it, so that pauses stay precise where there is no
	 * hsperfdata file to read them from. The agent's classes are in the application class
	 * loader's unnamed module: this exports the package to it as
	 * {@code --add-exports java.base/jdk.internal.perf=ALL-UNNAMED} would.
	 */
	private static void exportGcCounters(Instrumentation instrumentation) {
		Module javaBase = Object.class.getModule();
		Module agent = RuntimeMonitorAgent.class.getModule();
		String counters = "jdk.internal.perf";
		if (instrumentation.isModifiableModule(javaBase) && !javaBase.isExported(counters, agent)) {
			instrumentation.redefineModule(javaBase, Set.of(), Map.of(counters, Set.of(agent)), Map.of(), Set.of(),
					Map.of());
		}
	}

	private static void run(MonitorSettings settings, AgentServer server) {
		try {
			AgentMonitor monitor = new AgentMonitor(settings);
			monitor.start();
			HealthResponses health = new HealthResponses(monitor.view());
			ReportResponses reports = monitor.reports();
			MetricsResponses metrics = new MetricsResponses(monitor.registry());
			Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
			routes.put("/metrics", (request) -> metrics.scrape(request.accept()));
			routes.put("/health", (request) -> health.all());
			routes.put("/health/liveness", (request) -> health.liveness());
			routes.put("/health/readiness", (request) -> health.readiness());
			routes.put("/runtime", (request) -> reports.report(request.accept()));
			routes.put("/runtime/history", (request) -> reports.history(request.parameter("since")));
			server.start(routes);
			String url = server.url();
			LoggerFactory.getLogger(RuntimeMonitorAgent.class)
				.info("Runtime monitor sampling every {}: metrics at {}/metrics, health at {}/health, report at {}/runtime",
						FigureFormatter.duration(settings.interval()), url, url, url);
		}
		catch (RuntimeException | LinkageError ex) {
			LoggerFactory.getLogger(RuntimeMonitorAgent.class)
				.error("Runtime monitor agent failed to start; the application runs on without it", ex);
		}
	}

}
