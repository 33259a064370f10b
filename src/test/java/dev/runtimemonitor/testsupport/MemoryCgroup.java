package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real memory limit without a container: a child of this process's own memory control
 * group, with a limit, that the kernel's OOM killer acts on as in a pod. Commands started
 * in it run under its limit; {@link #close()} kills whatever runs in it and removes it.
 * <p>
 * Creating a group takes root and a writable cgroup file system. Where that is missing
 * the calling test is skipped with a message that says why, except in CI (environment
 * variable {@code CI} set), where it fails: nothing skips silently there.
 * <p>
 * Works with cgroup v1 ({@code memory.limit_in_bytes}, {@code memory.usage_in_bytes},
 * {@code memory.oom_control}) and v2 ({@code memory.max}, {@code memory.current},
 * {@code memory.events}). Under v2 a group that holds processes cannot hand the memory
 * controller to its children (the "no internal processes" rule), so there the group can
 * only be made where this process's own group already delegates it.
 * <p>
 * It finds the group on its own rather than through the sampling code: it is the
 * independent check of what that code reads.
 */
public final class MemoryCgroup implements AutoCloseable {

	private static final AtomicInteger sequence = new AtomicInteger();

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final Path directory;

	private final String group;

	private final Version version;

	private final List<Process> processes = new ArrayList<>();

	private MemoryCgroup(Path directory, String group, Version version) {
		this.directory = directory;
		this.group = group;
		this.version = version;
	}

	/**
	 * Create a child of this process's memory group with a limit; the calling test is
	 * skipped (or, in CI, fails) when it cannot be made.
	 * @param name the start of the group's name; a unique suffix is added
	 * @param limitBytes the memory limit
	 * @return the group, with no process in it yet
	 */
	public static MemoryCgroup create(String name, long limitBytes) {
		return create(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"), name, limitBytes,
				ExternalTool.isCi(System.getenv("CI")));
	}

	static MemoryCgroup create(Path procSelfCgroup, Path mountRoot, String name, long limitBytes, boolean ci) {
		String unique = name + "-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet();
		try {
			Parent parent = parent(procSelfCgroup, mountRoot);
			Path directory = parent.directory().resolve(unique);
			String group = (parent.group().endsWith("/") ? parent.group() : parent.group() + "/") + unique;
			Files.createDirectory(directory);
			MemoryCgroup cgroup = new MemoryCgroup(directory, group, parent.version());
			try {
				cgroup.limit(parent, limitBytes);
			}
			catch (IOException | RuntimeException ex) {
				cgroup.close();
				throw ex;
			}
			return cgroup;
		}
		catch (IOException ex) {
			String message = "Cannot create a memory cgroup '" + unique + "' (it takes root and a writable cgroup "
					+ "file system): " + ex;
			if (ci) {
				return Assertions.fail(message + " (CI is set, so this fails the build)");
			}
			Assumptions.abort(message);
			throw new IllegalStateException("unreachable");
		}
	}

	private static Parent parent(Path procSelfCgroup, Path mountRoot) throws IOException {
		String v2Group = null;
		for (String line : Files.readAllLines(procSelfCgroup)) {
			String[] parts = line.split(":", 3);
			if (parts.length != 3) {
				continue;
			}
			if (List.of(parts[1].split(",")).contains("memory")) {
				return Parent.existing(mountRoot.resolve("memory"), parts[2], Version.V1);
			}
			if (parts[0].equals("0") && parts[1].isEmpty()) {
				v2Group = parts[2];
			}
		}
		if (v2Group == null) {
			throw new IOException("No memory controller in " + procSelfCgroup);
		}
		return Parent.existing(mountRoot, v2Group, Version.V2);
	}

	private void limit(Parent parent, long limitBytes) throws IOException {
		if (this.version == Version.V1) {
			write("memory.limit_in_bytes", limitBytes);
			// Memory and swap capped together, so the OOM killer acts at the limit
			// instead of the group swapping.
			if (Files.exists(this.directory.resolve("memory.memsw.limit_in_bytes"))) {
				write("memory.memsw.limit_in_bytes", limitBytes);
			}
			return;
		}
		if (!Files.exists(this.directory.resolve("memory.max"))) {
			// The parent must hand the memory controller down, which v2 refuses while the
			// parent holds processes (this one among them), unless it is the root.
			Path subtreeControl = parent.directory().resolve("cgroup.subtree_control");
			try {
				Files.writeString(subtreeControl, "+memory");
			}
			catch (IOException ex) {
				throw new IOException(
						"cgroup v2 hands no memory controller to the children of a group that holds " + "processes, as "
								+ parent.directory() + " holds this JVM; '+memory' into " + subtreeControl + " failed",
						ex);
			}
		}
		write("memory.max", limitBytes);
		if (Files.exists(this.directory.resolve("memory.swap.max"))) {
			write("memory.swap.max", 0);
		}
	}

	private void write(String file, long value) throws IOException {
		Files.writeString(this.directory.resolve(file), Long.toString(value));
	}

	/**
	 * The group's directory in the cgroup file system.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The group's path in its hierarchy, as {@code /proc/<pid>/cgroup} shows it for a
	 * process inside it.
	 * @return the path, starting with {@code /}
	 */
	public String group() {
		return this.group;
	}

	/**
	 * The line of {@code /proc/<pid>/cgroup} that names this group's memory controller.
	 * @return {@code N:memory:/group} under v1, {@code 0::/group} under v2
	 */
	public String procCgroupLine() {
		return (this.version == Version.V1) ? "4:memory:" + this.group : "0::" + this.group;
	}

	/**
	 * Whether the group is a cgroup v1 one.
	 * @return {@code true} for v1, {@code false} for v2
	 */
	public boolean isV1() {
		return this.version == Version.V1;
	}

	/**
	 * Start a command inside the group: a shell writes its own id into the group and then
	 * becomes the command, so nothing the command does runs outside the limit.
	 * @param command the command and its arguments
	 * @return the process; {@link #close()} stops it if it is still running
	 * @throws IOException when it cannot be started
	 */
	public Process start(List<String> command) throws IOException {
		List<String> shell = new ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
				this.directory.resolve("cgroup.procs").toString()));
		shell.addAll(command);
		Process process = new ProcessBuilder(shell).redirectErrorStream(true).start();
		this.processes.add(process);
		return process;
	}

	/**
	 * The group's memory usage, page cache included.
	 * @return {@code memory.usage_in_bytes} (v1) or {@code memory.current} (v2)
	 * @throws IOException when it cannot be read
	 */
	public long usageBytes() throws IOException {
		return number(
				this.directory.resolve((this.version == Version.V1) ? "memory.usage_in_bytes" : "memory.current"));
	}

	/**
	 * The group's memory statistics.
	 * @return every key of {@code memory.stat} with its value, in the file's order
	 * @throws IOException when it cannot be read
	 */
	public Map<String, Long> stat() throws IOException {
		return keyed(this.directory.resolve("memory.stat"));
	}

	/**
	 * The group's working set as cAdvisor computes it: usage less inactive file cache
	 * ({@code total_inactive_file} under v1, {@code inactive_file} under v2), never below
	 * zero. Usage and statistics are two reads, a moment apart.
	 * @return the working set in bytes
	 * @throws IOException when the files cannot be read
	 */
	public long workingSetBytes() throws IOException {
		long usage = usageBytes();
		Long inactive = stat().get((this.version == Version.V1) ? "total_inactive_file" : "inactive_file");
		if (inactive == null) {
			throw new IOException("No inactive file cache in " + this.directory.resolve("memory.stat"));
		}
		return Math.max(0, usage - inactive);
	}

	/**
	 * How many processes of the group the OOM killer has killed.
	 * @return {@code oom_kill} of {@code memory.oom_control} (v1) or
	 * {@code memory.events} (v2)
	 * @throws IOException when it cannot be read, or the kernel does not count OOM kills
	 * (v1 before Linux 4.13)
	 */
	public long oomKills() throws IOException {
		Path file = this.directory.resolve((this.version == Version.V1) ? "memory.oom_control" : "memory.events");
		Long kills = keyed(file).get("oom_kill");
		if (kills == null) {
			throw new IOException("No oom_kill in " + file);
		}
		return kills;
	}

	/**
	 * Kill every process in the group, the ones it started first, wait until they are
	 * gone, and remove the group.
	 * @throws IOException when the group cannot be removed in time
	 */
	@Override
	public void close() throws IOException {
		for (Process process : this.processes) {
			stop(process.toHandle());
		}
		Path procs = this.directory.resolve("cgroup.procs");
		if (Files.exists(procs)) {
			for (String pid : Files.readAllLines(procs)) {
				if (!pid.isBlank()) {
					ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(MemoryCgroup::stop);
				}
			}
		}
		removeDirectory();
	}

	private static void stop(ProcessHandle process) {
		process.destroyForcibly();
		try {
			process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// removeDirectory reports a group that is still busy
		}
	}

	/**
	 * Remove the group's directory. The kernel refuses ({@code EBUSY}) for a moment after
	 * its last process exits, while that process is still being torn down, so this tries
	 * again for a bounded time.
	 */
	private void removeDirectory() throws IOException {
		long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
		while (true) {
			try {
				Files.deleteIfExists(this.directory);
				return;
			}
			catch (IOException ex) {
				if (System.nanoTime() - deadline > 0) {
					throw new IOException("Could not remove " + this.directory + " within " + STOP_TIMEOUT, ex);
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted while removing " + this.directory, interrupted);
				}
			}
		}
	}

	private static long number(Path file) throws IOException {
		String content = Files.readString(file).strip();
		try {
			return Long.parseLong(content);
		}
		catch (NumberFormatException ex) {
			throw new IOException("No number in " + file + ": '" + content + "'", ex);
		}
	}

	private static Map<String, Long> keyed(Path file) throws IOException {
		Map<String, Long> values = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.strip().split("\\s+");
			if (parts.length == 2) {
				try {
					values.put(parts[0], Long.parseLong(parts[1]));
				}
				catch (NumberFormatException ex) {
					// not a counter: skip it
				}
			}
		}
		return values;
	}

	private enum Version {

		V1, V2

	}

	private record Parent(Path directory, String group, Version version) {

		static Parent existing(Path hierarchy, String group, Version version) throws IOException {
			Path directory = hierarchy.resolve(group.replaceFirst("^/+", ""));
			if (!Files.isDirectory(directory)) {
				throw new IOException("No directory " + directory + " for the memory cgroup " + group);
			}
			return new Parent(directory, group, version);
		}

	}

}
