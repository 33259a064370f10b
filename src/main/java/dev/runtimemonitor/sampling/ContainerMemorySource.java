package dev.runtimemonitor.sampling;

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * The control group's memory limit and usage, from cgroup files kept open. Read every
 * tick, not once: Kubernetes can resize a running pod's memory in place.
 */
final class ContainerMemorySource implements SampleSource<ContainerMemory>, Closeable {

	/**
	 * cgroup v1 writes "no limit" as the largest page-aligned long; anything this large
	 * is no limit in practice.
	 */
	private static final long NO_LIMIT = Long.MAX_VALUE / 2;

	private final @Nullable KernelFile limit;

	private final @Nullable KernelFile usage;

	private final @Nullable String unlimitedWord;

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
		this.unlimitedWord = (files != null) ? files.unlimitedWord() : null;
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
		return new ContainerMemory((limit >= NO_LIMIT) ? -1 : limit, this.usage.readNumber(null));
	}

	@Override
	public void close() throws IOException {
		closeQuietly(this.limit);
		closeQuietly(this.usage);
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
