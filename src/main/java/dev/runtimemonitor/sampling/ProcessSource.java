package dev.runtimemonitor.sampling;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

import com.sun.management.UnixOperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * CPU time, allocated bytes, loaded classes and file descriptors. Only the cheap calls:
 * {@code getProcessCpuLoad}, {@code getCpuLoad} and the memory-size calls of the
 * operating-system bean re-read cgroup files in Java on every call (tens of microseconds
 * and kilobytes each), so CPU use is derived from CPU-time deltas instead. The JVM's
 * total of allocated bytes is a getter that JDK 21 added to the thread bean: it is looked
 * up once, and on JDK 17 the figure is unknown.
 */
final class ProcessSource implements SampleSource<ProcessFigures> {

	private final com.sun.management.@Nullable OperatingSystemMXBean os;

	private final @Nullable UnixOperatingSystemMXBean unix;

	private final com.sun.management.@Nullable ThreadMXBean allocation;

	private final @Nullable MethodHandle totalAllocatedBytes;

	private final ClassLoadingMXBean classes;

	ProcessSource(OperatingSystemMXBean os, ThreadMXBean threads, ClassLoadingMXBean classes) {
		this(os, threads, classes, totalAllocatedBytes(com.sun.management.ThreadMXBean.class, threads));
	}

	ProcessSource(OperatingSystemMXBean os, ThreadMXBean threads, ClassLoadingMXBean classes,
			@Nullable MethodHandle totalAllocatedBytes) {
		this.os = (os instanceof com.sun.management.OperatingSystemMXBean sunOs) ? sunOs : null;
		this.unix = (os instanceof UnixOperatingSystemMXBean unixOs) ? unixOs : null;
		this.allocation = (threads instanceof com.sun.management.ThreadMXBean sunThreads
				&& sunThreads.isThreadAllocatedMemorySupported()) ? sunThreads : null;
		this.totalAllocatedBytes = totalAllocatedBytes;
		this.classes = classes;
	}

	/**
	 * The bean's {@code getTotalThreadAllocatedBytes()}, bound to it.
	 * @param beanType the interface to find the getter on
	 * @param bean the thread bean
	 * @return the getter, or {@code null} where the interface lacks it (before JDK 21) or
	 * the bean is not of that type
	 */
	static @Nullable MethodHandle totalAllocatedBytes(Class<?> beanType, ThreadMXBean bean) {
		if (!beanType.isInstance(bean)) {
			return null;
		}
		try {
			return MethodHandles.publicLookup()
				.findVirtual(beanType, "getTotalThreadAllocatedBytes", MethodType.methodType(long.class))
				.bindTo(bean);
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

	@Override
	public String name() {
		return "process";
	}

	@Override
	public ProcessFigures read() {
		long cpuTime = (this.os != null) ? this.os.getProcessCpuTime() : -1;
		long allocated = (this.allocation != null && this.allocation.isThreadAllocatedMemoryEnabled())
				? totalAllocatedBytes() : -1;
		long openFiles = (this.unix != null) ? this.unix.getOpenFileDescriptorCount() : -1;
		long maxFiles = (this.unix != null) ? this.unix.getMaxFileDescriptorCount() : -1;
		return new ProcessFigures(cpuTime, allocated, this.classes.getLoadedClassCount(), openFiles, maxFiles);
	}

	private long totalAllocatedBytes() {
		MethodHandle getter = this.totalAllocatedBytes;
		if (getter == null) {
			return -1;
		}
		try {
			return (long) getter.invokeExact();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Reading the allocated bytes failed", ex);
		}
	}

}
