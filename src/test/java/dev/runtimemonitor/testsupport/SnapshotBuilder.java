package dev.runtimemonitor.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runtimemonitor.sampling.BufferFigures;
import dev.runtimemonitor.sampling.BufferPoolFigures;
import dev.runtimemonitor.sampling.CollectorFigures;
import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.DeadlockFigures;
import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.LiveSetPoints;
import dev.runtimemonitor.sampling.MemoryArea;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.MemoryPoolFigures;
import dev.runtimemonitor.sampling.ProcessFigures;
import dev.runtimemonitor.sampling.ResidentMemory;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.sampling.ThreadStates;
import org.jspecify.annotations.Nullable;

/**
 * Builds snapshots with plain values for tests of everything downstream of sampling.
 * Unset parts are left out, as a failed source leaves them.
 */
public final class SnapshotBuilder {

	public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	/** How long taking each snapshot built here took. */
	public static final long DURATION_NANOS = 20_000;

	private Duration at = Duration.ZERO;

	private @Nullable ThreadFigures threads;

	private @Nullable ThreadStates threadStates;

	private @Nullable MemoryFigures memory;

	private @Nullable GcFigures gc;

	private @Nullable GcPauseFigures pauses;

	private @Nullable BufferFigures buffers;

	private @Nullable ProcessFigures process;

	private @Nullable ResidentMemory resident;

	private @Nullable ContainerMemory container;

	private @Nullable DeadlockFigures deadlocks;

	private LiveSetPoints liveSet = LiveSetPoints.NONE;

	private MemoryArea nonHeap = new MemoryArea(0, 0, -1);

	public static SnapshotBuilder at(Duration sinceStart) {
		SnapshotBuilder builder = new SnapshotBuilder();
		builder.at = sinceStart;
		return builder;
	}

	public static SnapshotBuilder atSeconds(long seconds) {
		return at(Duration.ofSeconds(seconds));
	}

	public SnapshotBuilder threads(int live) {
		this.threads = new ThreadFigures(live, 1, live, live);
		return this;
	}

	public SnapshotBuilder threadStates(ThreadStates states) {
		this.threadStates = states;
		return this;
	}

	public SnapshotBuilder heap(long used, long max) {
		return heap(used, max, List.of());
	}

	public SnapshotBuilder heap(long used, long max, List<MemoryPoolFigures> pools) {
		this.memory = new MemoryFigures(new MemoryArea(used, max, max), this.nonHeap, pools, this.liveSet);
		return this;
	}

	/**
	 * Non-heap memory (metaspace, code cache); none unless set.
	 * @param used the non-heap memory in use
	 * @param committed the non-heap memory committed
	 * @return this builder, with a heap of 1 GiB if none was set
	 */
	public SnapshotBuilder nonHeap(long used, long committed) {
		this.nonHeap = new MemoryArea(used, committed, -1);
		MemoryFigures memory = this.memory;
		return (memory != null) ? heap(memory.heap().used(), memory.heap().max(), memory.pools()) : heap(0, 1L << 30);
	}

	/**
	 * Live-set points, one a minute before this snapshot's time, oldest first.
	 * @param bytes the old generation's usage at each point
	 * @return this builder, with a heap of 1 GiB if none was set
	 */
	public SnapshotBuilder liveSetEveryMinute(long... bytes) {
		long[] times = new long[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			times[i] = START.plus(this.at).minusSeconds(60L * (bytes.length - 1 - i)).toEpochMilli();
		}
		this.liveSet = new LiveSetPoints(times, bytes);
		MemoryFigures memory = this.memory;
		return (memory != null) ? heap(memory.heap().used(), memory.heap().max(), memory.pools())
				: heap(bytes[bytes.length - 1], 1L << 30);
	}

	public SnapshotBuilder metaspace(long used, long max) {
		return heap(0, 1024, List.of(new MemoryPoolFigures("Metaspace", false, new MemoryArea(used, used, max))));
	}

	public SnapshotBuilder gc(long heapAfterGc, CollectorFigures... collectors) {
		this.gc = new GcFigures(List.of(collectors), heapAfterGc);
		return this;
	}

	public SnapshotBuilder pauses(long pauseMillis, long concurrentMillis) {
		List<CollectorFigures> collectors = new ArrayList<>();
		collectors.add(new CollectorFigures("ZGC Minor Pauses", 1, pauseMillis, false));
		collectors.add(new CollectorFigures("ZGC Minor Cycles", 1, concurrentMillis, true));
		this.gc = new GcFigures(collectors, -1);
		return this;
	}

	public SnapshotBuilder recordedPauses(long collections, long totalPauseNanos, long windowP99Nanos) {
		return recordedPauses(collections, totalPauseNanos, 0, windowP99Nanos);
	}

	public SnapshotBuilder recordedPauses(long collections, long totalPauseNanos, long diagnosticPauseNanos,
			long windowP99Nanos, GcPauseCause... windowCauses) {
		this.pauses = new GcPauseFigures("counters", "pauses from the JVM's GC counters", collections, collections, 0,
				totalPauseNanos, diagnosticPauseNanos, 0, (int) collections, windowP99Nanos / 2, windowP99Nanos,
				windowP99Nanos, windowP99Nanos, null, List.of(windowCauses));
		return this;
	}

	public SnapshotBuilder recordedPauses(GcPauseFigures figures) {
		this.pauses = figures;
		return this;
	}

	public SnapshotBuilder directMemory(long used, long max) {
		this.buffers = new BufferFigures(new BufferPoolFigures(1, used, used), new BufferPoolFigures(0, 0, 0), max);
		return this;
	}

	public SnapshotBuilder fileDescriptors(long open, long max) {
		this.process = new ProcessFigures(0, -1, 100, open, max);
		return this;
	}

	public SnapshotBuilder allocated(long bytes) {
		this.process = new ProcessFigures(0, bytes, 100, 10, 1000);
		return this;
	}

	public SnapshotBuilder cpuTime(long nanos) {
		this.process = new ProcessFigures(nanos, -1, 100, 10, 1000);
		return this;
	}

	public SnapshotBuilder resident(long bytes) {
		this.resident = new ResidentMemory(bytes, bytes);
		return this;
	}

	public SnapshotBuilder container(long limit, long usage) {
		this.container = new ContainerMemory(limit, usage);
		return this;
	}

	public SnapshotBuilder container(long limit, long usage, long workingSet) {
		this.container = new ContainerMemory(limit, usage, workingSet, usage - workingSet);
		return this;
	}

	public SnapshotBuilder deadlocked(int threads) {
		this.deadlocks = new DeadlockFigures(threads, START.plus(this.at));
		return this;
	}

	public RuntimeSnapshot build() {
		return new RuntimeSnapshot(START.plus(this.at), this.at.toNanos(), DURATION_NANOS, this.threads,
				this.threadStates, null, this.memory, this.gc, this.pauses, this.buffers, this.process, this.resident,
				this.container, this.deadlocks);
	}

}
