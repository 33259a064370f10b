package dev.runtimemonitor.sampling;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

import com.sun.management.UnixOperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * CPU time, allocated bytes, loaded classes and file descriptors. Only the cheap calls:
 * {@code getProcessCpuLoad}, {@code getCpuLoad} and the memory-size calls of the
 * operating-system bean re-read cgroup files in Java on every call (tens of microseconds
 * and kilobytes each), so CPU use is derived from CPU-time deltas instead.
 */
final class ProcessSource implements SampleSource<ProcessFigures> {

	private final com.sun.management.@Nullable OperatingSystemMXBean os;

	private final @Nullable UnixOperatingSystemMXBean unix;

	private final com.sun.management.@Nullable ThreadMXBean allocation;

	private final ClassLoadingMXBean classes;

	ProcessSource(OperatingSystemMXBean os, ThreadMXBean threads, ClassLoadingMXBean classes) {
		this.os = (os instanceof com.sun.management.OperatingSystemMXBean sunOs) ? sunOs : null;
		this.unix = (os instanceof UnixOperatingSystemMXBean unixOs) ? unixOs : null;
		this.allocation = (threads instanceof com.sun.management.ThreadMXBean sunThreads
				&& sunThreads.isThreadAllocatedMemorySupported()) ? sunThreads : null;
		this.classes = classes;
	}

	@Override
	public String name() {
		return "process";
	}

	@Override
	public ProcessFigures read() {
		long cpuTime = (this.os != null) ? this.os.getProcessCpuTime() : -1;
		long allocated = (this.allocation != null && this.allocation.isThreadAllocatedMemoryEnabled())
				? this.allocation.getTotalThreadAllocatedBytes() : -1;
		long openFiles = (this.unix != null) ? this.unix.getOpenFileDescriptorCount() : -1;
		long maxFiles = (this.unix != null) ? this.unix.getMaxFileDescriptorCount() : -1;
		return new ProcessFigures(cpuTime, allocated, this.classes.getLoadedClassCount(), openFiles, maxFiles);
	}

}
