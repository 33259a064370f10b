package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dev.runtimemonitor.service.demo.Deadlock;
import dev.runtimemonitor.sampling.jvm.JvmFlags;
import io.micrometer.core.instrument.Clock;

/**
 * Measures what each capture costs the thread that runs it: wall time and bytes allocated
 * ({@code getCurrentThreadAllocatedBytes}), first run and then the median of warm runs.
 * Not a test; run it by hand, one kind at a time, in a JVM of its own: <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   dev.runtimemonitor.sampling.evidence.CaptureCost threads 10000
 * java -Xmx1g -Xms1g -Xlog:gc,safepoint -cp ... CaptureCost histogram 700 small
 * java -XX:NativeMemoryTracking=summary -cp ... CaptureCost nmt
 * java -cp ... CaptureCost deadlock 1000
 * </pre>
 */
public final class CaptureCost {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static List<Object> retained = new ArrayList<>();

	private CaptureCost() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "threads" -> threads(Integer.parseInt(args[1]));
			case "deadlock" -> deadlock(Integer.parseInt(args[1]));
			case "histogram" -> histogram(Integer.parseInt(args[1]), args[2], (args.length > 3) ? args[3] : "live");
			case "nmt" -> nmt();
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.exit(0);
	}

	private static void threads(int count) throws InterruptedException {
		CountDownLatch release = parked(count);
		ThreadNameGroupsSource source = new ThreadNameGroupsSource(threads);
		measure("thread names, getThreadInfo(ids, 0)", 20, source::names);
		measure("thread names, Thread.getAllStackTraces()", 5, () -> Thread.getAllStackTraces().size());
		measure("thread names, root ThreadGroup.enumerate", 20, CaptureCost::enumerateNames);
		List<String> names = source.names();
		measure("grouping only (ThreadNameGroups.of)", 20, () -> ThreadNameGroups.of(names));
		measure("thread groups capture (names + grouping)", 20, source::capture);
		ThreadNameGroups earlier = source.capture();
		measure("growthSince + text", 20, () -> ThreadGroupsEvidence.of(source.capture(), earlier, 20).text());
		System.out.println(ThreadGroupsEvidence.of(source.capture(), earlier, 5).text());
		release.countDown();
	}

	private static List<String> enumerateNames() {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] all = new Thread[root.activeCount() + 16];
		int found = root.enumerate(all, true);
		List<String> names = new ArrayList<>(found);
		for (int i = 0; i < found; i++) {
			names.add(all[i].getName());
		}
		return names;
	}

	private static void deadlock(int idleThreads) throws Exception {
		CountDownLatch release = parked(idleThreads);
		try (Deadlock deadlock = new Deadlock()) {
			deadlock.start();
			DeadlockEvidenceSource source = new DeadlockEvidenceSource(threads);
			while (source.capture().deadlockedThreads() < 2) {
				Thread.onSpinWait();
			}
			measure("deadlock capture", 20, source::capture);
			measure("deadlock capture + text", 20, () -> source.capture().text());
			String text = source.capture().text();
			System.out.printf(Locale.ROOT, "deadlock text: %,d bytes%n", text.length());
		}
		release.countDown();
	}

	private static void histogram(int liveMegabytes, String shape, String mode) {
		fill(liveMegabytes, shape);
		System.gc();
		DiagnosticCommand commands = DiagnosticCommand.platform().orElseThrow();
		if (mode.equals("all")) {
			measure("gcClassHistogram -all", 3, () -> commands.run("gcClassHistogram", "-all").length());
			return;
		}
		ClassHistogramSource source = new ClassHistogramSource(commands, ManagementFactory.getGarbageCollectorMXBeans(),
				new CaptureRateLimit(Duration.ZERO, Clock.SYSTEM), 20);
		for (int i = 0; i < 3; i++) {
			long before = threads.getCurrentThreadAllocatedBytes();
			ClassHistogramEvidence evidence = source.capture().orElseThrow();
			long allocated = threads.getCurrentThreadAllocatedBytes() - before;
			System.out.printf(Locale.ROOT,
					"histogram run %d: took %.1f ms, paused %.1f ms, gc %d ms, %,d bytes allocated, %,d classes, "
							+ "%,d bytes of text%n",
					i + 1, evidence.took().toNanos() / 1e6, evidence.pause().toNanos() / 1e6,
					evidence.gcTime().toMillis(), allocated, evidence.histogram().classes(), evidence.text().length());
			if (i == 0) {
				System.out.print(evidence.text());
			}
		}
		long before = threads.getCurrentThreadAllocatedBytes();
		String raw = commands.run("gcClassHistogram");
		System.out.printf(Locale.ROOT, "raw histogram text: %,d chars, call allocated %,d bytes%n", raw.length(),
				threads.getCurrentThreadAllocatedBytes() - before);
	}

	private static void fill(int megabytes, String shape) {
		long target = megabytes * 1024L * 1024L;
		long filled = 0;
		if (shape.equals("arrays")) {
			while (filled < target) {
				// Under half a G1 region (1 MB on a 1 GB heap), so not humongous
				retained.add(new byte[256 * 1024]);
				filled += 256 * 1024;
			}
			return;
		}
		// Many small objects, as a service's heap: 1 KB arrays for a third, 24-byte nodes
		// in linked chains for the rest
		while (filled < target / 3) {
			retained.add(new byte[1000]);
			filled += 1016;
		}
		Node chain = null;
		while (filled < target) {
			chain = new Node(filled, chain);
			filled += 24;
			if (filled % (24L * 1_000_000) == 0) {
				retained.add(chain);
				chain = null;
			}
		}
		retained.add(chain);
	}

	private static void nmt() {
		NativeMemorySource source = new NativeMemorySource(DiagnosticCommand.platform().orElseThrow(),
				JvmFlags.platform());
		measure("native memory summary capture", 20, source::capture);
		measure("native memory summary capture + text", 20, () -> source.capture().text());
		System.out.print(source.capture().text().lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
	}

	private static CountDownLatch parked(int count) throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(count);
		for (int i = 0; i < count; i++) {
			String name = (i % 10 == 0) ? "http-nio-8080-exec-" + i : "pool-7-thread-" + i;
			Thread.ofPlatform().name(name).daemon(true).stackSize(256 * 1024).start(() -> {
				started.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
		started.await();
		return release;
	}

	private static void measure(String what, int runs, Supplier<?> capture) {
		long[] nanos = new long[runs];
		long[] bytes = new long[runs];
		Object keep = null;
		for (int i = 0; i < runs; i++) {
			long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
			long start = System.nanoTime();
			keep = capture.get();
			nanos[i] = System.nanoTime() - start;
			bytes[i] = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		}
		long firstNanos = nanos[0];
		long firstBytes = bytes[0];
		java.util.Arrays.sort(nanos, 1, runs);
		java.util.Arrays.sort(bytes, 1, runs);
		int median = 1 + (runs - 1) / 2;
		System.out.printf(Locale.ROOT, "%-45s first %9.3f ms %,12d B | median of %d warm %9.3f ms %,12d B%n", what,
				firstNanos / 1e6, firstBytes, runs - 1, nanos[median] / 1e6, bytes[median], runs - 1);
		if (keep == null) {
			throw new IllegalStateException();
		}
	}

	private record Node(long value, Node next) {
	}

}
