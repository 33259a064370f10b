package dev.runtimemonitor.publishing.report.advice;

import java.time.Duration;

import dev.runtimemonitor.evaluation.CheckResult;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.sampling.BufferFigures;
import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.ResidentMemory;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadFigures;
import dev.runtimemonitor.sampling.jvm.JvmSettings;

/**
 * What the advice rules look at: the measured figures of one evaluation, how the JVM was
 * started, and the limits to judge against. Unknown figures are {@code -1} (counts and
 * bytes) or {@code NaN} (rates and shares).
 *
 * @param jvm the JVM's settings, read at start-up
 * @param limits the limits the rules judge against
 * @param window the span of the window figures
 * @param threads live platform threads
 * @param heapUsed heap in use now
 * @param heapCommitted heap committed
 * @param heapMax the maximum heap
 * @param heapUsedAfterGc heap in use right after the last collection
 * @param nonHeapUsed non-heap memory in use (metaspace, code cache, ...)
 * @param directBufferBytes memory reserved by direct buffers
 * @param residentBytes resident memory of the process
 * @param containerLimitBytes the container's memory limit, {@code -1} without one
 * @param gcOverhead share of wall time in GC pauses over the window
 * @param windowPauses pauses within the window
 * @param pauseP99Seconds the 99th percentile pause within the window
 * @param allocationBytesPerSecond heap allocation per second
 */
public record RuntimeFacts(JvmSettings jvm, AdviceLimits limits, Duration window, int threads, long heapUsed,
		long heapCommitted, long heapMax, long heapUsedAfterGc, long nonHeapUsed, long directBufferBytes,
		long residentBytes, long containerLimitBytes, double gcOverhead, int windowPauses, double pauseP99Seconds,
		double allocationBytesPerSecond) {

	private static final double NANOS_PER_SECOND = 1e9;

	/**
	 * The facts of one evaluation.
	 * @param evaluation the evaluation
	 * @param jvm the JVM's settings
	 * @param window the span of the window figures
	 * @return the facts
	 */
	public static RuntimeFacts of(Evaluation evaluation, JvmSettings jvm, Duration window) {
		RuntimeSnapshot snapshot = evaluation.snapshot();
		ThreadFigures threads = snapshot.threads();
		MemoryFigures memory = snapshot.memory();
		GcFigures gc = snapshot.gc();
		BufferFigures buffers = snapshot.buffers();
		ResidentMemory resident = snapshot.resident();
		ContainerMemory container = snapshot.container();
		GcPauseFigures pauses = snapshot.pauses();
		AdviceLimits limits = AdviceLimits.of(evaluation.results().stream().map(CheckResult::policy).toList(),
				jvm.gc());
		return new RuntimeFacts(jvm, limits, window, (threads != null) ? threads.live() : -1,
				(memory != null) ? memory.heap().used() : -1, (memory != null) ? memory.heap().committed() : -1,
				(memory != null && memory.heap().hasMax()) ? memory.heap().max() : jvm.heap().maxBytes(),
				(gc != null) ? gc.heapUsedAfterGc() : -1, (memory != null) ? memory.nonHeap().used() : -1,
				(buffers != null) ? buffers.direct().used() : -1, (resident != null) ? resident.bytes() : -1,
				(container != null && container.hasLimit()) ? container.limitBytes() : -1,
				evaluation.rates().gcPauseShare(), (pauses != null) ? pauses.windowPauses() : -1,
				(pauses != null) ? pauses.windowP99Nanos() / NANOS_PER_SECOND : Double.NaN,
				evaluation.rates().allocatedBytesPerSecond());
	}

	/**
	 * Whether the heap in use after the last collection is known.
	 * @return {@code false} before the first collection
	 */
	public boolean hasHeapUsedAfterGc() {
		return this.heapUsedAfterGc >= 0;
	}

	/**
	 * Whether the process runs under a memory limit.
	 * @return {@code true} in a container with a memory limit
	 */
	public boolean hasContainerLimit() {
		return this.containerLimitBytes > 0;
	}

}
