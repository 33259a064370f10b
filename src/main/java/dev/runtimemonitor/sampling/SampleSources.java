package dev.runtimemonitor.sampling;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.runtimemonitor.sampling.jvm.JvmFlag;
import dev.runtimemonitor.sampling.jvm.JvmFlags;
import org.jspecify.annotations.Nullable;

/**
 * The sources one sample reads, looked up once.
 *
 * @param threads platform thread counts
 * @param threadStates platform threads by state, or {@code null} to not count them
 * @param virtualThreads the virtual-thread scheduler
 * @param memory heap, non-heap and pools
 * @param gc collectors and heap after the last collection
 * @param pauses the GC pause recorder, or {@code null} when pauses are not recorded
 * @param buffers direct and mapped buffers
 * @param process CPU time, allocation, classes, file descriptors
 * @param resident resident memory
 * @param container the control group's memory
 * @param deadlocks the deadlock search, or {@code null} to never search
 */
public record SampleSources(SampleSource<ThreadFigures> threads, @Nullable SampleSource<ThreadStates> threadStates,
		SampleSource<VirtualThreadFigures> virtualThreads, SampleSource<MemoryFigures> memory,
		SampleSource<GcFigures> gc, @Nullable SampleSource<GcPauseFigures> pauses, SampleSource<BufferFigures> buffers,
		SampleSource<ProcessFigures> process, SampleSource<ResidentMemory> resident,
		SampleSource<ContainerMemory> container, @Nullable SampleSource<Integer> deadlocks) {

	/**
	 * The sources of the running JVM and the host it runs on, without GC pauses (see
	 * {@link #withPauses(SampleSource)}).
	 * @return every source, unsupported ones included (the sampler skips those)
	 */
	public static SampleSources platform() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
		Set<String> heapPools = pools.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
		return new SampleSources(new ThreadSource(threads), ThreadStateSource.allThreads(),
				new VirtualThreadSource(ManagementFactory.getPlatformMBeanServer()),
				new MemorySource(ManagementFactory.getMemoryMXBean(), pools, System::currentTimeMillis,
						HeapInspections.PLATFORM),
				new GcSource(ManagementFactory.getGarbageCollectorMXBeans(), heapPools), null,
				new BufferSource(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class), maxDirectMemory()),
				new ProcessSource(ManagementFactory.getOperatingSystemMXBean(), threads,
						ManagementFactory.getClassLoadingMXBean()),
				new ResidentMemorySource(Path.of("/proc/self/status")),
				new ContainerMemorySource(
						CgroupMemoryFiles.find(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"))),
				new DeadlockSource(threads));
	}

	/**
	 * These sources without the deadlock search.
	 * @return a copy that never searches for deadlocks
	 */
	public SampleSources withoutDeadlockSearch() {
		return new SampleSources(this.threads, this.threadStates, this.virtualThreads, this.memory, this.gc,
				this.pauses, this.buffers, this.process, this.resident, this.container, null);
	}

	/**
	 * These sources without the count of threads by state.
	 * @return a copy that does not count threads by state
	 */
	public SampleSources withoutThreadStates() {
		return new SampleSources(this.threads, null, this.virtualThreads, this.memory, this.gc, this.pauses,
				this.buffers, this.process, this.resident, this.container, this.deadlocks);
	}

	/**
	 * These sources with the GC pause recorder.
	 * @param pauses the pause recorder's source
	 * @return a copy that reads GC pauses too
	 */
	public SampleSources withPauses(SampleSource<GcPauseFigures> pauses) {
		return new SampleSources(this.threads, this.threadStates, this.virtualThreads, this.memory, this.gc, pauses,
				this.buffers, this.process, this.resident, this.container, this.deadlocks);
	}

	List<SampleSource<?>> all() {
		List<SampleSource<?>> all = new ArrayList<>(List.of(this.threads));
		if (this.threadStates != null) {
			all.add(this.threadStates);
		}
		all.addAll(List.of(this.virtualThreads, this.memory, this.gc));
		if (this.pauses != null) {
			all.add(this.pauses);
		}
		all.addAll(List.of(this.buffers, this.process, this.resident, this.container));
		if (this.deadlocks != null) {
			all.add(this.deadlocks);
		}
		return all;
	}

	/**
	 * {@code -XX:MaxDirectMemorySize}, which defaults ("0") to the maximum heap size.
	 */
	private static long maxDirectMemory() {
		long configured = JvmFlags.platform().find("MaxDirectMemorySize").map(JvmFlag::asLong).orElse(0L);
		return (configured > 0) ? configured : Runtime.getRuntime().maxMemory();
	}

}
