package dev.runtimemonitor.sampling;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The process's resident memory from {@code /proc/self/status}, kept open. Resident
 * memory is what the kernel counts against a container's limit, heap or not.
 */
final class ResidentMemorySource implements SampleSource<ResidentMemory>, Closeable {

	private static final int KIBIBYTE = 1024;

	private final @Nullable KernelFile status;

	ResidentMemorySource(Path status) {
		this.status = open(status);
	}

	private static @Nullable KernelFile open(Path path) {
		if (!Files.isReadable(path)) {
			return null;
		}
		try {
			return KernelFile.open(path, 8192);
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public String name() {
		return "resident-memory";
	}

	@Override
	public boolean isSupported() {
		return this.status != null;
	}

	@Override
	public ResidentMemory read() throws IOException {
		if (this.status == null) {
			throw new IOException("No process status file");
		}
		ByteBuffer content = this.status.read();
		long resident = KernelFile.numberAfter(content, "VmRSS:");
		long peak = KernelFile.numberAfter(content, "VmHWM:");
		if (resident < 0) {
			throw new IOException("No VmRSS in " + this.status.path());
		}
		return new ResidentMemory(resident * KIBIBYTE, (peak < 0) ? -1 : peak * KIBIBYTE);
	}

	@Override
	public void close() throws IOException {
		if (this.status != null) {
			this.status.close();
		}
	}

}
