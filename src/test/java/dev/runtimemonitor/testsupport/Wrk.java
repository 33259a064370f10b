package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wrk load generator, run against 127.0.0.1 with a script that counts responses by
 * status.
 */
public final class Wrk {

	private static final Pattern STATUS = Pattern.compile("^status (\\d+) (\\d+)$", Pattern.MULTILINE);

	private static final Pattern LINE = Pattern.compile("^(latency \\S+|requests|duration) (\\d+)$", Pattern.MULTILINE);

	private static final Pattern ERRORS = Pattern
		.compile("^errors connect (\\d+) read (\\d+) write (\\d+) status (\\d+) timeout (\\d+)$", Pattern.MULTILINE);

	private final ExternalTool wrk;

	private final Path script;

	private Wrk(ExternalTool wrk, Path script) {
		this.wrk = wrk;
		this.script = script;
	}

	public static Wrk require() throws IOException {
		ExternalTool wrk = ExternalTool.require("wrk", "apt-get install wrk");
		Path script = Files.createTempFile("wrk-statuses", ".lua");
		try (InputStream lua = Wrk.class.getResourceAsStream("/wrk/statuses.lua")) {
			Files.write(script, lua.readAllBytes());
		}
		return new Wrk(wrk, script);
	}

	/**
	 * Start loading one URL in the background, until {@link WrkLoad#stop()}.
	 * @param port the service's port on 127.0.0.1
	 * @param path the path
	 * @param connections concurrent connections
	 * @param cap the longest the load may run, a bound that only a stuck test reaches
	 * @return the running load
	 * @throws IOException when wrk cannot be started
	 */
	public WrkLoad start(int port, String path, int connections, Duration cap) throws IOException {
		Path output = Files.createTempFile("wrk-output", ".txt");
		Process process = new ProcessBuilder(this.wrk.executable().toString(), "-t2", "-c" + connections,
				"-d" + cap.toSeconds() + "s", "--timeout", "5s", "-s", this.script.toString(),
				"http://127.0.0.1:" + port + path)
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new WrkLoad(process, output, cap);
	}

	/**
	 * What wrk measured.
	 *
	 * @param statuses responses by status
	 * @param figures latencies in microseconds ({@code latency p99},
	 * {@code latency max}), {@code requests}, {@code duration} in microseconds
	 * @param socketErrors connect, read, write and timeout errors
	 * @param output wrk's whole output
	 */
	public record Result(Map<Integer, Long> statuses, Map<String, Long> figures, long socketErrors, String output) {

		static Result parse(String output) {
			Map<Integer, Long> statuses = new TreeMap<>();
			Matcher status = STATUS.matcher(output);
			while (status.find()) {
				statuses.put(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)));
			}
			Map<String, Long> figures = new TreeMap<>();
			Matcher line = LINE.matcher(output);
			while (line.find()) {
				figures.put(line.group(1), Long.parseLong(line.group(2)));
			}
			Matcher errors = ERRORS.matcher(output);
			if (!errors.find()) {
				throw new IllegalStateException("No summary in wrk's output: " + output);
			}
			long socketErrors = Long.parseLong(errors.group(1)) + Long.parseLong(errors.group(2))
					+ Long.parseLong(errors.group(3)) + Long.parseLong(errors.group(5));
			return new Result(statuses, figures, socketErrors, output);
		}

		public double requestsPerSecond() {
			return this.figures.get("requests") * 1e6 / this.figures.get("duration");
		}

		public long p99Micros() {
			return this.figures.get("latency p99");
		}

	}

}
