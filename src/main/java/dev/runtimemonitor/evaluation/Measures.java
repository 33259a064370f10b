package dev.runtimemonitor.evaluation;

import dev.runtimemonitor.sampling.BufferFigures;
import dev.runtimemonitor.sampling.ContainerMemory;
import dev.runtimemonitor.sampling.DeadlockFigures;
import dev.runtimemonitor.sampling.GcFigures;
import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.MemoryFigures;
import dev.runtimemonitor.sampling.MemoryPoolFigures;
import dev.runtimemonitor.sampling.ProcessFigures;
import dev.runtimemonitor.sampling.ResidentMemory;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import dev.runtimemonitor.sampling.ThreadFigures;

/**
 * The value of each single-snapshot check; {@code NaN} when it cannot be known.
 */
final class Measures {

	static final String METASPACE_POOL = "Metaspace";

	private static final double NANOS_PER_SECOND = 1e9;

	private Measures() {
	}

	static double liveThreads(RuntimeSnapshot snapshot, Rates rates) {
		ThreadFigures threads = snapshot.threads();
		return (threads != null) ? threads.live() : Double.NaN;
	}

	static double heapAfterGcRatio(RuntimeSnapshot snapshot, Rates rates) {
		MemoryFigures memory = snapshot.memory();
		GcFigures gc = snapshot.gc();
		if (memory == null || gc == null || !gc.hasHeapUsedAfterGc() || !memory.heap().hasMax()) {
			return Double.NaN;
		}
		return ratio(gc.heapUsedAfterGc(), memory.heap().max());
	}

	static double heapUsed(RuntimeSnapshot snapshot, Rates rates) {
		MemoryFigures memory = snapshot.memory();
		return (memory != null) ? memory.heap().used() : Double.NaN;
	}

	static double gcPauseP99(RuntimeSnapshot snapshot, Rates rates) {
		GcPauseFigures pauses = snapshot.pauses();
		return (pauses != null) ? pauses.windowP99Nanos() / NANOS_PER_SECOND : Double.NaN;
	}

	static double deadlockedThreads(RuntimeSnapshot snapshot, Rates rates) {
		DeadlockFigures deadlocks = snapshot.deadlocks();
		return (deadlocks != null) ? deadlocks.deadlockedThreads() : Double.NaN;
	}

	static double containerMemoryRatio(RuntimeSnapshot snapshot, Rates rates) {
		ResidentMemory resident = snapshot.resident();
		ContainerMemory container = snapshot.container();
		if (resident == null || container == null || !container.hasLimit()) {
			return Double.NaN;
		}
		return ratio(resident.bytes(), container.limitBytes());
	}

	static double metaspaceRatio(RuntimeSnapshot snapshot, Rates rates) {
		MemoryFigures memory = snapshot.memory();
		MemoryPoolFigures metaspace = (memory != null) ? memory.pool(METASPACE_POOL) : null;
		if (metaspace == null || !metaspace.usage().hasMax()) {
			return Double.NaN;
		}
		return ratio(metaspace.usage().used(), metaspace.usage().max());
	}

	static double directMemoryRatio(RuntimeSnapshot snapshot, Rates rates) {
		BufferFigures buffers = snapshot.buffers();
		if (buffers == null || buffers.maxDirect() <= 0) {
			return Double.NaN;
		}
		return ratio(buffers.direct().used(), buffers.maxDirect());
	}

	static double fileDescriptorRatio(RuntimeSnapshot snapshot, Rates rates) {
		ProcessFigures process = snapshot.process();
		if (process == null || process.openFileDescriptors() < 0 || process.maxFileDescriptors() <= 0) {
			return Double.NaN;
		}
		return ratio(process.openFileDescriptors(), process.maxFileDescriptors());
	}

	private static double ratio(long part, long whole) {
		return (double) part / whole;
	}

}
