package dev.runtimemonitor.sampling;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.jspecify.annotations.Nullable;

/**
 * The virtual-thread scheduler's figures, from {@code jdk.management:type=
 * VirtualThreadScheduler}. The bean exists from JDK 24 on; its interface is looked up by
 * name and its getters bound once as method handles, so the same build runs on JDK 17 and
 * 21 (where this source is simply unsupported) and a read allocates nothing — reading the
 * attributes through the MBean server instead costs about 350 bytes per read. Unchanged
 * figures are returned as they are. Not thread-safe: only the sampling thread reads it.
 */
final class VirtualThreadSource implements SampleSource<VirtualThreadFigures> {

	static final String OBJECT_NAME = "jdk.management:type=VirtualThreadScheduler";

	private static final String INTERFACE = "jdk.management.VirtualThreadSchedulerMXBean";

	private final @Nullable Getters getters;

	private @Nullable VirtualThreadFigures last;

	VirtualThreadSource(MBeanServer server) {
		this.getters = isRegistered(server) ? Getters.bind() : null;
	}

	private static boolean isRegistered(MBeanServer server) {
		try {
			return server.isRegistered(new ObjectName(OBJECT_NAME));
		}
		catch (MalformedObjectNameException ex) {
			return false;
		}
	}

	@Override
	public String name() {
		return "virtual-threads";
	}

	@Override
	public boolean isSupported() {
		return this.getters != null;
	}

	@Override
	public VirtualThreadFigures read() {
		Getters getters = this.getters;
		if (getters == null) {
			throw new IllegalStateException("No " + OBJECT_NAME + " in this JVM");
		}
		try {
			int parallelism = (int) getters.parallelism().invokeExact();
			int poolSize = (int) getters.poolSize().invokeExact();
			int mounted = (int) getters.mounted().invokeExact();
			long queued = (long) getters.queued().invokeExact();
			VirtualThreadFigures last = this.last;
			if (last != null && last.parallelism() == parallelism && last.poolSize() == poolSize
					&& last.mounted() == mounted && last.queued() == queued) {
				return last;
			}
			VirtualThreadFigures figures = new VirtualThreadFigures(parallelism, poolSize, mounted, queued);
			this.last = figures;
			return figures;
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Reading " + OBJECT_NAME + " failed", ex);
		}
	}

	record Getters(MethodHandle parallelism, MethodHandle poolSize, MethodHandle mounted, MethodHandle queued) {

		@SuppressWarnings("unchecked")
		static @Nullable Getters bind() {
			try {
				Class<? extends PlatformManagedObject> type = (Class<? extends PlatformManagedObject>) Class
					.forName(INTERFACE);
				Object bean = ManagementFactory.getPlatformMXBean(type);
				MethodHandles.Lookup lookup = MethodHandles.publicLookup();
				return new Getters(getter(lookup, type, bean, "getParallelism", int.class),
						getter(lookup, type, bean, "getPoolSize", int.class),
						getter(lookup, type, bean, "getMountedVirtualThreadCount", int.class),
						getter(lookup, type, bean, "getQueuedVirtualThreadCount", long.class));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}

		private static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> type, Object bean, String name,
				Class<?> returnType) throws ReflectiveOperationException {
			return lookup.findVirtual(type, name, MethodType.methodType(returnType)).bindTo(bean);
		}

	}

}
