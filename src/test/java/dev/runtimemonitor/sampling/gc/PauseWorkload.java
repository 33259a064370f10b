package dev.runtimemonitor.sampling.gc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small allocating workload, run in a forked JVM by {@link GcPauseAccuracyIT}: it
 * records pauses from the default source (the GC counters, or where the JVM has none
 * Flight Recorder), from Flight Recorder and from GC notifications at the same time,
 * makes the collector work, and writes what each saw to tab-separated files that the test
 * compares with the JVM's own GC log, and how long after its end each pause of the
 * default source reached the recorder's listeners (where the pause histogram records it).
 * Ends are written in nanoseconds since the JVM's creation began, the clock of the GC
 * counters and of the log's {@code uptimenanos}.
 */
public final class PauseWorkload {

	/**
	 * A pause in the GC log, {@code -Xlog:gc,gc+phases=info}: its uptime, its
	 * collection's id, its name and its duration in milliseconds.
	 */
	static final Pattern LOG_PAUSE = Pattern
		.compile("^\\[(\\d+)ns\\].*GC\\((\\d+)\\) (?:[YyOo]: )?(Pause .*?) (\\d+\\.\\d+)ms$");

	private static final long DELIVERY_TIMEOUT_SECONDS = 20;

	private PauseWorkload() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		Duration churn = Duration.ofSeconds(Long.parseLong(args[1]));
		Path gcLog = Path.of(args[2]);
		List<GcPause> defaultPauses = new CopyOnWriteArrayList<>();
		List<Long> delaysNanos = new CopyOnWriteArrayList<>();
		List<GcPause> jfrPauses = new CopyOnWriteArrayList<>();
		List<GcPause> notifiedPauses = new CopyOnWriteArrayList<>();
		GcEventSubscription byDefault = new GcEventSubscription(GcEventSubscription.Source.AUTO);
		byDefault.recorder().addListener((pause) -> {
			delaysNanos.add(Duration.between(pause.end(), Instant.now()).toNanos());
			defaultPauses.add(pause);
		});
		GcEventSubscription recording = new GcEventSubscription(GcEventSubscription.Source.JFR);
		recording.recorder().addListener(jfrPauses::add);
		GcPauseRecorder notified = new GcPauseRecorder();
		notified.addListener(notifiedPauses::add);
		PerfCounters counters = PerfCounters.ofThisJvm();
		long before = latestExitNanos(counters);
		byDefault.start();
		recording.start();
		if (!recording.recorder().source().equals("jfr")) {
			throw new IllegalStateException("Flight Recorder did not start");
		}
		GcNotificationListener notifications = GcNotificationListener.start(notified,
				ManagementFactory.getGarbageCollectorMXBeans(), null);
		// A collection of our own, once the stream delivers it, shows the stream is live
		// before the churn starts.
		System.gc();
		awaitDelivered(jfrPauses, (delivered) -> !delivered.isEmpty());
		long retained = allocate(churn);
		// A last collection, and the end once the stream has every pause the log shows up
		// to it: it delivers with a lag, not in order.
		System.gc();
		Map<Long, Long> logged = loggedPausesByCollection(gcLog);
		awaitDelivered(jfrPauses, (delivered) -> hasAll(delivered, logged));
		if (byDefault.recorder().source().equals("jfr")) {
			awaitDelivered(defaultPauses, (delivered) -> hasAll(delivered, logged));
		}
		// Two ticks record what the counters hold whose notification has not come.
		byDefault.catchUp();
		byDefault.catchUp();
		long after = latestExitNanos(counters);
		notifications.close();
		recording.close();
		byDefault.close();
		long clockStart = counters.read(counters.offsetOf("sun.rt.createVmBeginTime"));
		Files.writeString(out.resolve("counters-scope.txt"), before + "\t" + after);
		write(out.resolve("default.tsv"), defaultPauses, clockStart);
		write(out.resolve("jfr.tsv"), jfrPauses, clockStart);
		write(out.resolve("notifications.tsv"), notifiedPauses, clockStart);
		Files.writeString(out.resolve("default-source.txt"),
				byDefault.recorder().source() + "\t" + byDefault.recorder().sourceReason() + "\t"
						+ byDefault.recorder().figures(Instant.now(), Duration.ofHours(1)).averagedPauses());
		Files.write(out.resolve("delays.txt"), delaysNanos.stream().map(String::valueOf).toList());
		Files.writeString(out.resolve("done"), "retained " + retained + "\n");
	}

	/**
	 * Churn with a rotating retained set, so that young and old collections both happen,
	 * and a few explicit full collections.
	 */
	private static long allocate(Duration churn) {
		Random random = new Random(42);
		List<byte[]> retained = new ArrayList<>();
		long maxRetained = Runtime.getRuntime().maxMemory() / 4;
		long retainedBytes = 0;
		long checksum = 0;
		long end = System.nanoTime() + churn.toNanos();
		long nextFull = System.nanoTime() + churn.toNanos() / 3;
		while (System.nanoTime() < end) {
			byte[] block = new byte[256 + random.nextInt(64 * 1024)];
			checksum += block.length;
			if (random.nextInt(10) == 0) {
				retained.add(block);
				retainedBytes += block.length;
				if (retainedBytes > maxRetained) {
					retainedBytes -= retained.remove(random.nextInt(retained.size())).length;
				}
			}
			if (System.nanoTime() > nextFull) {
				System.gc();
				nextFull += churn.toNanos() / 3;
			}
		}
		return checksum + retained.size();
	}

	/**
	 * Wait until the delivered pauses meet a condition, or
	 * {@value #DELIVERY_TIMEOUT_SECONDS} seconds, after which the test reports what is
	 * missing.
	 */
	private static void awaitDelivered(List<GcPause> pauses, Predicate<List<GcPause>> condition)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DELIVERY_TIMEOUT_SECONDS);
		while (!condition.test(pauses) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/**
	 * Whether every collection the log shows from the first delivered one on has all its
	 * pauses delivered.
	 */
	private static boolean hasAll(List<GcPause> delivered, Map<Long, Long> logged) {
		Map<Long, Long> byCollection = delivered.stream()
			.collect(Collectors.groupingBy(GcPause::gcId, Collectors.counting()));
		long first = byCollection.keySet().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
		return !byCollection.isEmpty() && logged.entrySet()
			.stream()
			.filter((collection) -> collection.getKey() >= first)
			.allMatch((collection) -> byCollection.getOrDefault(collection.getKey(), 0L) >= collection.getValue());
	}

	/**
	 * How many pauses each collection in the GC log so far had.
	 */
	private static Map<Long, Long> loggedPausesByCollection(Path gcLog) throws IOException {
		Map<Long, Long> pauses = new TreeMap<>();
		for (String line : Files.readAllLines(gcLog)) {
			Matcher matcher = LOG_PAUSE.matcher(line);
			if (matcher.matches()) {
				pauses.merge(Long.parseLong(matcher.group(2)), 1L, Long::sum);
			}
		}
		return pauses;
	}

	/**
	 * When the latest pause of any collector ended, in nanoseconds on the counters' clock
	 * (one tick is a nanosecond on Linux).
	 */
	private static long latestExitNanos(PerfCounters counters) {
		long latest = 0;
		for (int k = 0; k < 8; k++) {
			int offset = counters.offsetOf("sun.gc.collector." + k + ".lastExitTime");
			if (offset >= 0) {
				latest = Math.max(latest, counters.read(offset));
			}
		}
		return latest;
	}

	private static void write(Path file, List<GcPause> pauses, long clockStartMillis) throws IOException {
		StringBuilder lines = new StringBuilder();
		for (GcPause pause : pauses) {
			lines.append(pause.gcId())
				.append('\t')
				.append(pause.collector())
				.append('\t')
				.append(pause.kind())
				.append('\t')
				.append(pause.durationNanos())
				.append('\t')
				.append(Duration.between(Instant.ofEpochMilli(clockStartMillis), pause.end()).toNanos())
				.append('\t')
				.append(pause.averaged())
				.append('\n');
		}
		Files.writeString(file, lines);
	}

}
