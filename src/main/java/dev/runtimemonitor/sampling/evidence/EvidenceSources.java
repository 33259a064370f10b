package dev.runtimemonitor.sampling.evidence;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

import io.micrometer.core.instrument.Clock;

import dev.runtimemonitor.sampling.HeapInspections;
import dev.runtimemonitor.sampling.jvm.JvmFlags;
import org.jspecify.annotations.Nullable;

/**
 * The evidence sources of the running JVM, looked up once. Nothing is read until the
 * evidence is asked for.
 *
 * @param deadlocks the deadlocked threads with their stacks and locks
 * @param threadGroups the live threads grouped by name
 * @param classHistogram the class histogram, or {@code null} on a JVM without the
 * diagnostic-command bean
 * @param nativeMemory the native-memory summary, or {@code null} on a JVM without the
 * diagnostic-command bean
 */
public record EvidenceSources(DeadlockedThreadsSource deadlocks, ThreadNameGroupsSource threadGroups,
		@Nullable ClassHistogramSource classHistogram, @Nullable NativeMemorySource nativeMemory) {

	/**
	 * The sources of the running JVM, with the default limits.
	 * @param clock the clock that times the class histogram
	 * @return the sources
	 */
	public static EvidenceSources platform(Clock clock) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Optional<DiagnosticCommand> commands = DiagnosticCommand.platform();
		return new EvidenceSources(new DeadlockedThreadsSource(threads), new ThreadNameGroupsSource(threads),
				commands
					.map((command) -> new ClassHistogramSource(command, ManagementFactory.getGarbageCollectorMXBeans(),
							ClassHistogramSource.DEFAULT_TOP, HeapInspections.PLATFORM, clock))
					.orElse(null),
				commands.map((command) -> new NativeMemorySource(command, JvmFlags.platform())).orElse(null));
	}

}
