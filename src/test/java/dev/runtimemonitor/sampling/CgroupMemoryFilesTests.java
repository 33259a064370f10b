package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupMemoryFilesTests {

	@TempDir
	Path root;

	private Path cgroupFile(String content) throws IOException {
		Path file = this.root.resolve("proc-self-cgroup");
		Files.writeString(file, content);
		return file;
	}

	private Path write(String relative, String content) throws IOException {
		Path file = this.root.resolve("sys/fs/cgroup").resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
		return file;
	}

	private Path mount() {
		return this.root.resolve("sys/fs/cgroup");
	}

	@Test
	void findsTheGroupOfACgroupV2Host() throws IOException {
		Path limit = write("kubepods/pod1/ctr/memory.max", "536870912\n");
		write("kubepods/pod1/ctr/memory.current", "1000\n");
		CgroupMemoryFiles files = CgroupMemoryFiles.find(cgroupFile("0::/kubepods/pod1/ctr\n"), mount());
		assertThat(files).isNotNull();
		assertThat(files.limit()).isEqualTo(limit);
		assertThat(files.unlimitedWord()).isEqualTo("max");
	}

	@Test
	void fallsBackToTheMountRootInsideACgroupNamespace() throws IOException {
		Path limit = write("memory.max", "max\n");
		write("memory.current", "1000\n");
		CgroupMemoryFiles files = CgroupMemoryFiles.find(cgroupFile("0::/somewhere/not/mounted\n"), mount());
		assertThat(files).isNotNull();
		assertThat(files.limit()).isEqualTo(limit);
	}

	@Test
	void prefersTheV1MemoryControllerOnAHybridHost() throws IOException {
		Path limit = write("memory/process_api/abc/memory.limit_in_bytes", "9223372036854771712\n");
		write("memory/process_api/abc/memory.usage_in_bytes", "4096\n");
		write("memory.max", "max\n");
		write("memory.current", "1\n");
		CgroupMemoryFiles files = CgroupMemoryFiles.find(cgroupFile("5:devices:/\n4:memory:/process_api/abc\n0::/\n"),
				mount());
		assertThat(files).isNotNull();
		assertThat(files.limit()).isEqualTo(limit);
		assertThat(files.unlimitedWord()).isNull();
	}

	@Test
	void findsTheStatisticsFileNextToTheLimitWithTheKeysOfItsVersion() throws IOException {
		Path v2Stat = write("kubepods/pod1/ctr/memory.stat", "inactive_file 0\n");
		write("kubepods/pod1/ctr/memory.max", "max\n");
		write("kubepods/pod1/ctr/memory.current", "1\n");
		Path v1Stat = write("memory/kubepods/pod1/ctr/memory.stat", "total_inactive_file 0\n");
		write("memory/kubepods/pod1/ctr/memory.limit_in_bytes", "1000\n");
		write("memory/kubepods/pod1/ctr/memory.usage_in_bytes", "1\n");
		CgroupMemoryFiles v2 = CgroupMemoryFiles.find(cgroupFile("0::/kubepods/pod1/ctr\n"), mount());
		CgroupMemoryFiles v1 = CgroupMemoryFiles.find(cgroupFile("4:memory:/kubepods/pod1/ctr\n"), mount());
		assertThat(v2).isNotNull();
		assertThat(v2.stat()).isEqualTo(v2Stat);
		assertThat(v2.inactiveFileKeys()).containsExactly("inactive_file");
		assertThat(v1).isNotNull();
		assertThat(v1.stat()).isEqualTo(v1Stat);
		assertThat(v1.inactiveFileKeys()).containsExactly("total_inactive_file", "inactive_file");
	}

	@Test
	void findsTheLimitAndUsageWithoutAStatisticsFile() throws IOException {
		write("memory.max", "max\n");
		write("memory.current", "1\n");
		CgroupMemoryFiles files = CgroupMemoryFiles.find(cgroupFile("0::/\n"), mount());
		assertThat(files).isNotNull();
		assertThat(files.stat()).isNull();
	}

	@Test
	void findsNothingWithoutCgroupFiles() throws IOException {
		assertThat(CgroupMemoryFiles.find(cgroupFile("0::/\n"), mount())).isNull();
		assertThat(CgroupMemoryFiles.find(this.root.resolve("missing"), mount())).isNull();
	}

	@Test
	void readsALimitAndTheUsage() throws IOException {
		write("memory.max", "536870912\n");
		write("memory.current", "123456\n");
		try (ContainerMemorySource source = new ContainerMemorySource(
				CgroupMemoryFiles.find(cgroupFile("0::/\n"), mount()))) {
			assertThat(source.isSupported()).isTrue();
			assertThat(source.read()).isEqualTo(new ContainerMemory(536870912, 123456));
		}
	}

	@Test
	void readsMaxAndHugeNumbersAsNoLimit() throws IOException {
		write("memory.max", "max\n");
		write("memory.current", "5\n");
		write("memory/memory.limit_in_bytes", "9223372036854771712\n");
		write("memory/memory.usage_in_bytes", "7\n");
		try (ContainerMemorySource v2 = new ContainerMemorySource(
				CgroupMemoryFiles.find(cgroupFile("0::/\n"), mount()));
				ContainerMemorySource v1 = new ContainerMemorySource(
						CgroupMemoryFiles.find(cgroupFile("3:memory:/\n"), mount()))) {
			assertThat(v2.read()).isEqualTo(new ContainerMemory(-1, 5));
			assertThat(v1.read()).isEqualTo(new ContainerMemory(-1, 7));
			assertThat(v1.read().hasLimit()).isFalse();
		}
	}

	@Test
	void rereadsTheFilesAtEveryRead() throws IOException {
		write("memory.max", "1000\n");
		Path usage = write("memory.current", "10\n");
		try (ContainerMemorySource source = new ContainerMemorySource(
				CgroupMemoryFiles.find(cgroupFile("0::/\n"), mount()))) {
			assertThat(source.read().usageBytes()).isEqualTo(10);
			Files.writeString(usage, "20\n");
			assertThat(source.read().usageBytes()).isEqualTo(20);
		}
	}

	@Test
	void isUnsupportedWithoutFiles() {
		ContainerMemorySource source = new ContainerMemorySource(null);
		assertThat(source.isSupported()).isFalse();
	}

}
