package dev.runtimemonitor.sampling;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The control group's memory limit, usage and working set, from cgroup files kept open.
 * The working set is the usage less the inactive file cache of {@code memory.stat}, never
 * below zero, as cAdvisor and the kubelet compute it. Read every tick, not once:
 * Kubernetes can resize a running pod's memory in place. Without a readable
 * {@code memory.stat} the limit and usage are still read, and the working set is unknown.
 */
final class ContainerMemorySource implements SampleSource<ContainerMemory>, Closeable {

	/**
	 * cgroup v1 writes "no limit" as the largest page-aligned long; anything this large
	 * is no limit in practice.
	 */
	private static final long NO_LIMIT = Long.MAX_VALUE / 2;

	/**
	 * Room for {@code memory.stat}, a few dozen lines (about 1.5 KB on v1 and v2) that
	 * grow a little with each kernel release.
	 */
	private static final int STAT_CAPACITY = 16 * 1024;

	private final @Nullable KernelFile limit;

	private final @Nullable KernelFile usage;

	private final @Nullable KernelFile stat;

	private final @Nullable String unlimitedWord;

	/**
	 * The keys of the inactive file cache, preferred first, each with the space that ends
	 * it in {@code memory.stat}.
	 */
	private final String[] inactiveFileKeys;

	ContainerMemorySource(@Nullable CgroupMemoryFiles files) {
		KernelFile limit = null;
		KernelFile usage = null;
		if (files != null) {
			try {
				limit = KernelFile.open(files.limit(), 64);
				usage = KernelFile.open(files.usage(), 64);
			}
			catch (IOException ex) {
				closeQuietly(limit);
				limit = null;
			}
		}
		this.limit = limit;
		this.usage = (limit != null) ? usage : null;
		Path stat = (files != null) ? files.stat() : null;
		this.stat = (limit != null && stat != null) ? openQuietly(stat) : null;
		this.unlimitedWord = (files != null) ? files.unlimitedWord() : null;
		this.inactiveFileKeys = (files != null)
				? files.inactiveFileKeys().stream().map((key) -> key + " ").toArray(String[]::new) : new String[0];
	}

	private static @Nullable KernelFile openQuietly(Path stat) {
		try {
			return KernelFile.open(stat, STAT_CAPACITY);
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public String name() {
		return "container-memory";
	}

	@Override
	public boolean isSupported() {
		return this.limit != null;
	}

	@Override
	public ContainerMemory read() throws IOException {
		if (this.limit == null || this.usage == null) {
			throw new IOException("No cgroup memory files");
		}
		long limit = this.limit.readNumber(this.unlimitedWord);
		long usage = this.usage.readNumber(null);
		long inactiveFile = inactiveFile();
		long workingSet = (inactiveFile >= 0) ? Math.max(0, usage - inactiveFile) : -1;
		return new ContainerMemory((limit >= NO_LIMIT) ? -1 : limit, usage, workingSet, inactiveFile);
	}

	/**
	 * The inactive file cache, from the first of its keys that {@code memory.stat} holds.
	 * @return the bytes, or {@code -1} when there is no statistics file
	 * @throws IOException when the file cannot be read or holds none of the keys
	 */
	private long inactiveFile() throws IOException {
		if (this.stat == null) {
			return -1;
		}
		ByteBuffer content = this.stat.read();
		for (String key : this.inactiveFileKeys) {
			long bytes = KernelFile.numberAfter(content, key);
			if (bytes >= 0) {
				return bytes;
			}
		}
		throw new IOException("No " + String.join("or ", this.inactiveFileKeys).strip() + " in " + this.stat.path());
	}

	@Override
	public void close() throws IOException {
		closeQuietly(this.limit);
		closeQuietly(this.usage);
		closeQuietly(this.stat);
	}

	private static void closeQuietly(@Nullable KernelFile file) {
		if (file != null) {
			try {
				file.close();
			}
			catch (IOException ex) {
				// Nothing is lost: the file was only ever read.
			}
		}
	}

}
