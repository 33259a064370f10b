package dev.runtimemonitor.sampling.gc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small allocating workload, run in a forked JVM by {@link GcPauseAccuracyIT}: it
 * records pauses from Flight Recorder and from GC notifications at the same time, makes
 * the collector work, and writes what each saw to tab-separated files that the test
 * compares with the JVM's own GC log, and how long after its end each pause reached the
 * recorder's listeners (where the pause histogram records it).
 */
public final class PauseWorkload {

	private PauseWorkload() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args[0]);
		Duration churn = Duration.ofSeconds(Long.parseLong(args[1]));
		List<GcPause> jfrPauses = new CopyOnWriteArrayList<>();
		List<Long> delaysNanos = new CopyOnWriteArrayList<>();
		List<GcPause> notifiedPauses = new CopyOnWriteArrayList<>();
		GcEventSubscription recording = new GcEventSubscription(true);
		recording.recorder().addListener((pause) -> {
			delaysNanos.add(Duration.between(pause.end(), Instant.now()).toNanos());
			jfrPauses.add(pause);
		});
		GcPauseRecorder notified = new GcPauseRecorder();
		notified.addListener(notifiedPauses::add);
		recording.start();
		if (!recording.recorder().source().equals("jfr")) {
			throw new IllegalStateException("Flight Recorder did not start");
		}
		GcNotificationListener notifications = GcNotificationListener.start(notified,
				ManagementFactory.getGarbageCollectorMXBeans());
		Thread.sleep(1000);
		long retained = allocate(churn);
		awaitQuiet(jfrPauses, Duration.ofMillis(2500), Duration.ofSeconds(20));
		notifications.close();
		recording.close();
		write(out.resolve("jfr.tsv"), jfrPauses);
		write(out.resolve("notifications.tsv"), notifiedPauses);
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

	private static void awaitQuiet(List<GcPause> pauses, Duration quiet, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		int seen = -1;
		long quietSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			if (pauses.size() != seen) {
				seen = pauses.size();
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince > quiet.toNanos()) {
				return;
			}
			Thread.sleep(100);
		}
	}

	private static void write(Path file, List<GcPause> pauses) throws IOException {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
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
				.append(uptimeMillis(pause.end(), jvmStart))
				.append('\n');
		}
		Files.writeString(file, lines);
	}

	private static double uptimeMillis(Instant end, long jvmStartMillis) {
		return (end.getEpochSecond() * 1000.0 + end.getNano() / 1e6) - jvmStartMillis;
	}

}
