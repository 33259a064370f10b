package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server ({@code apt-get install prometheus}) for tests: it listens on
 * a free port of 127.0.0.1, keeps its data in a temporary directory, scrapes the given
 * targets every second and evaluates the given rule files every second. Queries go
 * through its HTTP API. {@link #close()} stops it and deletes its data. <pre>
 * try (Prometheus prometheus = Prometheus.builder().scrape("app", "127.0.0.1:" + port, "/metrics").start()) {
 *     prometheus.awaitTargetUp("app", Duration.ofSeconds(20));
 *     JsonNode result = prometheus.query("runtime_check_level");
 * }
 * </pre>
 */
public final class Prometheus implements AutoCloseable {

	/** How to install Prometheus where it is missing. */
	public static final String INSTALL = "apt-get install prometheus";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Process process;

	private final Path directory;

	private final Path log;

	private final int port;

	private Prometheus(Process process, Path directory, Path log, int port) {
		this.process = process;
		this.directory = directory;
		this.log = log;
		this.port = port;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The port the server's HTTP API listens on, on 127.0.0.1.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Evaluate an instant query now.
	 * @param promql the expression
	 * @return the {@code data.result} array of the answer
	 */
	public JsonNode query(String promql) {
		return api("/api/v1/query?query=" + encode(promql)).get("data").get("result");
	}

	/**
	 * Call the HTTP API.
	 * @param pathAndQuery such as {@code /api/v1/targets}
	 * @return the answer, whose {@code status} was {@code success}
	 */
	public JsonNode api(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			JsonNode answer = json.readTree(response.body());
			if (response.statusCode() != 200 || !"success".equals(answer.path("status").asString())) {
				throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + pathAndQuery
						+ ": " + response.body());
			}
			return answer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Prometheus API call " + pathAndQuery + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The active targets of a scrape job.
	 * @param job the job name
	 * @return the targets, as {@code /api/v1/targets} describes them
	 */
	public List<JsonNode> targets(String job) {
		List<JsonNode> targets = new ArrayList<>();
		for (JsonNode target : api("/api/v1/targets?state=active").get("data").get("activeTargets")) {
			if (job.equals(target.get("labels").path("job").asString())) {
				targets.add(target);
			}
		}
		return targets;
	}

	/**
	 * Wait until every target of a job has been scraped successfully.
	 * @param job the job name
	 * @param timeout how long to wait
	 */
	public void awaitTargetUp(String job, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.alias("targets of job '" + job + "' up")
			.until(() -> {
				List<JsonNode> targets = targets(job);
				return !targets.isEmpty()
						&& targets.stream().allMatch((target) -> "up".equals(target.get("health").asString()));
			});
	}

	/**
	 * What Prometheus has logged so far, for failure messages.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			try (Stream<Path> paths = Files.walk(this.directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * What the server scrapes and evaluates.
	 */
	public static final class Builder {

		private final StringBuilder scrapeConfigs = new StringBuilder();

		private final List<Path> ruleFiles = new ArrayList<>();

		private final List<String> arguments = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Scrape a target every second.
		 * @param job the job name
		 * @param target {@code host:port}, on 127.0.0.1
		 * @param metricsPath the path of the metrics, such as {@code /metrics}
		 * @return this builder
		 */
		public Builder scrape(String job, String target, String metricsPath) {
			this.scrapeConfigs.append("  - job_name: '")
				.append(job)
				.append("'\n    metrics_path: '")
				.append(metricsPath)
				.append("'\n    static_configs:\n      - targets: ['")
				.append(target)
				.append("']\n");
			return this;
		}

		/**
		 * Evaluate a file of recording or alerting rules every second.
		 * @param ruleFile the file
		 * @return this builder
		 */
		public Builder ruleFile(Path ruleFile) {
			this.ruleFiles.add(ruleFile.toAbsolutePath());
			return this;
		}

		/**
		 * Pass a command-line flag, such as {@code --enable-feature=native-histograms}.
		 * @param argument the flag
		 * @return this builder
		 */
		public Builder argument(String argument) {
			this.arguments.add(argument);
			return this;
		}

		/**
		 * Write the configuration, start the server and wait until it is ready. Skips the
		 * test (fails it in CI) when Prometheus is not installed.
		 * @return the running server
		 * @throws IOException when it cannot be started
		 */
		public Prometheus start() throws IOException {
			Path binary = ExternalTool.require("prometheus", INSTALL).executable();
			Path directory = Files.createTempDirectory("prometheus-test");
			Path config = directory.resolve("prometheus.yml");
			Files.writeString(config, configuration());
			Path log = directory.resolve("prometheus.log");
			int port = freePort();
			List<String> command = new ArrayList<>(List.of(binary.toString(), "--config.file=" + config,
					"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
					"--storage.tsdb.retention.time=1h", "--log.level=warn"));
			command.addAll(this.arguments);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Prometheus prometheus = new Prometheus(process, directory, log, port);
			try {
				await().atMost(START_TIMEOUT)
					.pollInterval(Duration.ofMillis(200))
					.alias("Prometheus ready")
					.failFast(() -> !process.isAlive())
					.until(() -> isReady(port));
			}
			catch (RuntimeException | Error ex) {
				String output = prometheus.log();
				try {
					prometheus.close();
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				throw new IllegalStateException("Prometheus did not start:\n" + output, ex);
			}
			return prometheus;
		}

		private String configuration() {
			StringBuilder yaml = new StringBuilder();
			yaml.append("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n");
			if (!this.ruleFiles.isEmpty()) {
				yaml.append("rule_files:\n");
				this.ruleFiles.forEach((file) -> yaml.append("  - '").append(file).append("'\n"));
			}
			yaml.append("scrape_configs:\n").append(this.scrapeConfigs);
			return yaml.toString();
		}

		private static boolean isReady(int port) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
				.timeout(Duration.ofSeconds(2))
				.build();
			try {
				return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

}
