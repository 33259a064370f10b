package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.runtimemonitor.testsupport.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ResidentMemorySourceTests {

	@TempDir
	Path directory;

	@Test
	void readsResidentAndPeakResidentMemoryInBytes() throws IOException {
		Path status = this.directory.resolve("status");
		Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  300 kB\nVmRSS:\t  200 kB\nThreads:\t12\n");
		try (ResidentMemorySource source = new ResidentMemorySource(status)) {
			assertThat(source.read()).isEqualTo(new ResidentMemory(200 * 1024, 300 * 1024));
		}
	}

	@Test
	void failsWhenTheFileHasNoResidentMemory() throws IOException {
		Path status = this.directory.resolve("status");
		Files.writeString(status, "Name:\tjava\n");
		try (ResidentMemorySource source = new ResidentMemorySource(status)) {
			assertThatIOException().isThrownBy(source::read).withMessageContaining("VmRSS");
		}
	}

	@Test
	void isUnsupportedWithoutTheFile() {
		assertThat(new ResidentMemorySource(this.directory.resolve("missing")).isSupported()).isFalse();
	}

	@Test
	void readsThisProcessOnLinux() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			ExternalTool.missing("No readable /proc/self/status: the resident memory is read from Linux's /proc");
		}
		try (ResidentMemorySource source = new ResidentMemorySource(status)) {
			ResidentMemory resident = source.read();
			assertThat(resident.bytes()).isGreaterThan(Runtime.getRuntime().totalMemory() / 8);
			assertThat(resident.peakBytes()).isGreaterThanOrEqualTo(resident.bytes());
		}
	}

}
