package dev.runtimemonitor.monitor.evidence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import dev.runtimemonitor.evaluation.Check;
import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Level;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.HeapInspections;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.evidence.ClassHistogramRun;
import dev.runtimemonitor.sampling.evidence.ClassHistogramSource;
import dev.runtimemonitor.sampling.evidence.DeadlockedThreadsSource;
import dev.runtimemonitor.sampling.evidence.DiagnosticCommand;
import dev.runtimemonitor.sampling.evidence.EvidenceSources;
import dev.runtimemonitor.sampling.evidence.GcPauseBreakdownSource;
import dev.runtimemonitor.sampling.evidence.NativeMemorySource;
import dev.runtimemonitor.sampling.evidence.NativeMemorySummary;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroups;
import dev.runtimemonitor.sampling.evidence.ThreadNameGroupsSource;
import dev.runtimemonitor.sampling.gc.GcPause;
import dev.runtimemonitor.sampling.gc.GcPauseRecorder;
import dev.runtimemonitor.sampling.jvm.JvmFlags;
import dev.runtimemonitor.service.demo.Deadlock;
import io.micrometer.core.instrument.Clock;

/**
 * Measures what each capture costs the thread that runs it: wall time and bytes allocated
 * ({@code getCurrentThreadAllocatedBytes}), first run and then the median of warm runs.
 * Not a test; run it by hand, one kind at a time, in a JVM of its own: <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   dev.runtimemonitor.monitor.evidence.CaptureCost threads 10000
 * java -Xmx1g -Xms1g -Xlog:gc,safepoint -cp ... CaptureCost histogram 700 small
 * java -XX:NativeMemoryTracking=summary -cp ... CaptureCost nmt
 * java -cp ... CaptureCost deadlock 1000
 * java -cp ... CaptureCost recorder 1000000
 * </pre> {@code recorder} measures the evidence recorder at a tick while every check is
 * ok (what it costs all the time), its first tick (the earlier thread grouping), and the
 * GC pause capture over a full pause window.
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
			case "recorder" -> recorder(Integer.parseInt(args[1]));
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.exit(0);
	}

	private static void threads(int count) throws InterruptedException {
		CountDownLatch release = parked(count);
		ThreadNameGroupsSource source = new ThreadNameGroupsSource(threads);
		measure("thread names, getThreadInfo(ids, 0)", 20, CaptureCost::infoNames);
		measure("thread names, Thread.getAllStackTraces()", 5, () -> Thread.getAllStackTraces().size());
		measure("thread names, root ThreadGroup.enumerate", 20, CaptureCost::enumerateNames);
		List<String> names = infoNames();
		measure("grouping only (ThreadNameGroups.of)", 20, () -> ThreadNameGroups.of(names));
		measure("thread groups read (names + grouping)", 20, source::read);
		ThreadNameGroups earlier = source.read();
		Instant earlierAt = Instant.now();
		measure("growthSince + text", 20, () -> ThreadGroupsFormatter.format(source.read(), earlier, earlierAt));
		System.out.println(ThreadGroupsFormatter.format(source.read(), earlier, earlierAt, 5).text());
		release.countDown();
	}

	/** The names as the thread-groups source reads them: one dump without stacks. */
	private static List<String> infoNames() {
		List<String> names = new ArrayList<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
			if (info != null) {
				names.add(info.getThreadName());
			}
		}
		return names;
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
			DeadlockedThreadsSource source = new DeadlockedThreadsSource(threads);
			while (source.read().count() < 2) {
				Thread.onSpinWait();
			}
			measure("deadlocked threads read", 20, source::read);
			measure("deadlocked threads read + text", 20, () -> DeadlocksFormatter.format(source.read()));
			String text = DeadlocksFormatter.format(source.read()).text();
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
				20, new HeapInspections(), Clock.SYSTEM);
		for (int i = 0; i < 3; i++) {
			long before = threads.getCurrentThreadAllocatedBytes();
			ClassHistogramRun run = source.read();
			String text = ClassHistogramFormatter.format(run).text();
			long allocated = threads.getCurrentThreadAllocatedBytes() - before;
			System.out.printf(Locale.ROOT,
					"histogram run %d: took %.1f ms, paused %.1f ms, gc %d ms, %,d bytes allocated, %,d classes, "
							+ "%,d bytes of text%n",
					i + 1, run.took().toNanos() / 1e6, run.pause().toNanos() / 1e6, run.gcTime().toMillis(), allocated,
					run.histogram().classes(), text.length());
			if (i == 0) {
				System.out.print(text);
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
		measure("native memory summary read", 20, source::read);
		measure("native memory summary read + text", 20,
				() -> NativeMemoryFormatter.format(source.read().orElseThrow()));
		NativeMemorySummary summary = source.read().orElseThrow();
		System.out
			.print(NativeMemoryFormatter.format(summary).text().lines().limit(12).reduce("", (a, b) -> a + b + "\n"));
	}

	private static void recorder(int ticks) {
		GcPauseRecorder pauses = new GcPauseRecorder();
		Instant now = Instant.now();
		String[] causes = { "G1 Evacuation Pause", "G1 Humongous Allocation", "System.gc()", "Allocation Failure" };
		for (int i = 0; i < 8192; i++) {
			pauses.recordPause(new GcPause(i, (i % 10 == 0) ? "G1Full" : "G1New", (i % 10 == 0) ? "full" : "young",
					causes[i % causes.length], 1_000_000L + i * 1_000L, now.minusMillis(8192 - i)));
		}
		GcPauseBreakdownSource gcSource = new GcPauseBreakdownSource(pauses, Duration.ofMinutes(5), Clock.SYSTEM,
				GcPauseBreakdownSource.DEFAULT_TOP);
		Map<EvidenceKind, Capturer> capturers = Capturers.of(EvidenceSources.platform(Clock.SYSTEM), gcSource,
				new CaptureRateLimit(Duration.ofMinutes(10), Clock.SYSTEM), Clock.SYSTEM,
				EnumSet.allOf(EvidenceKind.class));
		EvidenceRecorder recorder = new EvidenceRecorder(capturers, Duration.ofHours(1), Duration.ofMinutes(5),
				Clock.SYSTEM, List.of());
		Evaluation first = allOk(now);
		Evaluation second = allOk(now.plusSeconds(5));
		long firstBytes = threads.getCurrentThreadAllocatedBytes();
		long firstStart = System.nanoTime();
		recorder.onEvaluation(first, null);
		System.out.printf(Locale.ROOT, "%-45s %9.3f ms %,12d B (%d live threads)%n",
				"recorder, first tick (earlier thread grouping)", (System.nanoTime() - firstStart) / 1e6,
				threads.getCurrentThreadAllocatedBytes() - firstBytes, threads.getThreadCount());
		long warm = Math.min(ticks, 200_000);
		for (long i = 0; i < warm; i++) {
			recorder.onEvaluation(((i & 1) == 0) ? second : first, ((i & 1) == 0) ? first : second);
		}
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		for (long i = 0; i < ticks; i++) {
			recorder.onEvaluation(((i & 1) == 0) ? second : first, ((i & 1) == 0) ? first : second);
		}
		long nanos = System.nanoTime() - start;
		long bytes = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		System.out.printf(Locale.ROOT, "%-45s %,d ticks: %.1f ns and %.3f B per tick, %s evidence kept%n",
				"recorder, tick while every check is ok", ticks, (double) nanos / ticks, (double) bytes / ticks,
				recorder.latest().isEmpty() ? "no" : "some");
		measure("gc-pauses capture (8,192 pauses in window)", 20,
				() -> capturers.get(EvidenceKind.GC_PAUSES).capture());
		measure("thread groups capture (as at a rise)", 20, () -> capturers.get(EvidenceKind.THREAD_GROUPS).capture());
	}

	private static Evaluation allOk(Instant time) {
		RuntimeSnapshot snapshot = new RuntimeSnapshot(time, 0, 0, null, null, null, null, null, null, null, null, null,
				null, null);
		List<CheckResult> results = new ArrayList<>();
		for (Check check : Check.values()) {
			results.add(new CheckResult(new CheckPolicy(check, 1, 2, Duration.ZERO, Probe.NONE), 0, Level.OK,
					time.minusSeconds(60), null, null));
		}
		return new Evaluation(snapshot, Readings.of(snapshot), results);
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
