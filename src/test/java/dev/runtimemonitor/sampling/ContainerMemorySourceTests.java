package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.testsupport.ExternalTool;
import dev.runtimemonitor.testsupport.HeapFiller;
import dev.runtimemonitor.testsupport.MemoryCgroup;
import io.micrometer.core.instrument.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The container's memory read from cgroup v1 and v2 files as the kernel writes them, in a
 * directory laid out like {@code /sys/fs/cgroup}.
 */
class ContainerMemorySourceTests {

	private static final long MIB = 1024 * 1024;

	/**
	 * A cgroup v2 {@code memory.stat} of a JVM in a pod (Linux 6.x), where
	 * {@code inactive_file} comes after keys that end the same way.
	 */
	private static final String V2_STAT = """
			anon 314572800
			file 125829120
			kernel 8388608
			kernel_stack 622592
			pagetables 2097152
			sec_pagetables 0
			percpu 0
			sock 0
			vmalloc 0
			shmem 20971520
			zswap 0
			zswapped 0
			file_mapped 31457280
			file_dirty 4096
			file_writeback 0
			swapcached 0
			anon_thp 0
			file_thp 0
			shmem_thp 0
			inactive_anon 293601280
			active_anon 41943040
			inactive_file 83886080
			active_file 20971520
			unevictable 0
			slab_reclaimable 3145728
			slab_unreclaimable 1048576
			slab 4194304
			workingset_refault_anon 0
			workingset_refault_file 12
			workingset_activate_anon 0
			workingset_activate_file 3
			workingset_restore_anon 0
			workingset_restore_file 0
			workingset_nodereclaim 0
			pgscan 0
			pgsteal 0
			pgfault 90210
			pgmajfault 4
			""";

	/**
	 * A cgroup v1 {@code memory.stat}: the group's own counters first, then the
	 * hierarchical {@code total_} ones, which count its child groups too.
	 * {@code ContainerMemoryReadBenchmark} reads it as well.
	 */
	static final String V1_STAT = """
			cache 125829120
			rss 314572800
			rss_huge 0
			shmem 20971520
			mapped_file 31457280
			dirty 4096
			writeback 0
			swap 0
			pgpgin 16766
			pgpgout 16290
			pgfault 39971
			pgmajfault 2
			inactive_anon 293601280
			active_anon 41943040
			inactive_file 1048576
			active_file 20971520
			unevictable 0
			hierarchical_memory_limit 536870912
			hierarchical_memsw_limit 9223372036854771712
			total_cache 125829120
			total_rss 314572800
			total_rss_huge 0
			total_shmem 20971520
			total_mapped_file 31457280
			total_dirty 4096
			total_writeback 0
			total_swap 0
			total_pgpgin 16766
			total_pgpgout 16290
			total_pgfault 39971
			total_pgmajfault 2
			total_inactive_anon 293601280
			total_active_anon 41943040
			total_inactive_file 83886080
			total_active_file 20971520
			total_unevictable 0
			""";

	@TempDir
	Path root;

	@Test
	void readsTheWorkingSetOfACgroupV2GroupAsUsageLessInactiveFileCache() throws Exception {
		v2("536870912\n", "461373440\n", V2_STAT);
		try (ContainerMemorySource source = v2Source()) {
			ContainerMemory memory = source.read();
			assertThat(memory).isEqualTo(new ContainerMemory(512 * MIB, 440 * MIB, 360 * MIB, 80 * MIB));
			assertThat(memory.hasLimit()).isTrue();
			assertThat(memory.hasWorkingSet()).isTrue();
		}
	}

	@Test
	void readsTheWorkingSetOfACgroupV1GroupFromTheHierarchicalInactiveFileCache() throws Exception {
		v1("536870912\n", "461373440\n", V1_STAT);
		try (ContainerMemorySource source = v1Source()) {
			assertThat(source.read()).isEqualTo(new ContainerMemory(512 * MIB, 440 * MIB, 360 * MIB, 80 * MIB));
		}
	}

	@Test
	void fallsBackToTheGroupsOwnInactiveFileCacheWhenCgroupV1HasNoHierarchicalOne() throws Exception {
		v1("536870912\n", "461373440\n", "cache 1\ninactive_anon 2\ninactive_file 83886080\nactive_file 3\n");
		try (ContainerMemorySource source = v1Source()) {
			assertThat(source.read().workingSetBytes()).isEqualTo(360 * MIB);
		}
	}

	@Test
	void readsTheWordMaxAndAHugeNumberAsNoLimitAndStillReadsTheWorkingSet() throws Exception {
		v2("max\n", "461373440\n", V2_STAT);
		v1("9223372036854771712\n", "461373440\n", V1_STAT);
		try (ContainerMemorySource v2 = v2Source(); ContainerMemorySource v1 = v1Source()) {
			assertThat(v2.read()).isEqualTo(new ContainerMemory(-1, 440 * MIB, 360 * MIB, 80 * MIB));
			assertThat(v1.read()).isEqualTo(new ContainerMemory(-1, 440 * MIB, 360 * MIB, 80 * MIB));
			assertThat(v1.read().hasLimit()).isFalse();
		}
	}

	@Test
	void neverReadsAWorkingSetBelowZero() throws Exception {
		// usage and memory.stat are two reads, and the cache can grow between them
		v2("536870912\n", "1000\n", "active_file 0\ninactive_file 4096\n");
		try (ContainerMemorySource source = v2Source()) {
			assertThat(source.read()).isEqualTo(new ContainerMemory(512 * MIB, 1000, 0, 4096));
		}
	}

	@Test
	void readsTheLimitAndUsageWithAnUnknownWorkingSetWhenThereIsNoStatisticsFile() throws Exception {
		v2("536870912\n", "461373440\n", null);
		try (ContainerMemorySource source = v2Source()) {
			assertThat(source.isSupported()).isTrue();
			ContainerMemory memory = source.read();
			assertThat(memory).isEqualTo(new ContainerMemory(512 * MIB, 440 * MIB, -1, -1));
			assertThat(memory.hasWorkingSet()).isFalse();
		}
	}

	@Test
	void rereadsTheStatisticsAtEveryRead() throws Exception {
		Path stat = v2("536870912\n", "461373440\n", V2_STAT);
		try (ContainerMemorySource source = v2Source()) {
			assertThat(source.read().workingSetBytes()).isEqualTo(360 * MIB);
			Files.writeString(stat, V2_STAT.replace("inactive_file 83886080", "inactive_file 0"));
			assertThat(source.read().workingSetBytes()).isEqualTo(440 * MIB);
		}
	}

	@Test
	void failsOnStatisticsWithoutTheInactiveFileCache() throws Exception {
		v1("536870912\n", "461373440\n", "cache 1\ntotal_inactive_filex 5\n inactive_file 7\n");
		try (ContainerMemorySource source = v1Source()) {
			assertThatIOException().isThrownBy(source::read)
				.withMessageContaining("total_inactive_file or inactive_file")
				.withMessageContaining("memory.stat");
		}
	}

	@Test
	void failsOnAUsageOrLimitThatIsNoNumber() throws Exception {
		v2("536870912\n", "garbage\n", V2_STAT);
		v1("\n", "461373440\n", V1_STAT);
		try (ContainerMemorySource v2 = v2Source(); ContainerMemorySource v1 = v1Source()) {
			assertThatIOException().isThrownBy(v2::read).withMessageContaining("memory.current");
			assertThatIOException().isThrownBy(v1::read).withMessageContaining("memory.limit_in_bytes");
		}
	}

	@Test
	void failsOnStatisticsLongerThanItsBufferRatherThanMissAKeyPastTheEnd() throws Exception {
		v2("536870912\n", "461373440\n", "pgfault 1\n".repeat(2000) + "inactive_file 1\n");
		try (ContainerMemorySource source = v2Source()) {
			assertThatIOException().isThrownBy(source::read).withMessageContaining("does not fit");
		}
	}

	@Test
	void aSamplerCountsMalformedFilesAsErrorsOfTheSourceAndSamplesTheRest() throws Exception {
		v2("536870912\n", "461373440\n", "inactive_file\n");
		SampleSources platform = SampleSources.platform();
		try (ContainerMemorySource container = v2Source()) {
			RuntimeSampler sampler = new RuntimeSampler(new SampleSources(platform.threads(), null,
					platform.virtualThreads(), platform.memory(), platform.gc(), null, platform.buffers(),
					platform.process(), platform.resident(), container, null), Clock.SYSTEM, Duration.ofSeconds(30));
			RuntimeSnapshot snapshot = sampler.sample();
			assertThat(snapshot.container()).isNull();
			assertThat(snapshot.threads()).isNotNull();
			assertThat(snapshot.memory()).isNotNull();
			assertThat(sampler.errors().count("container-memory")).isEqualTo(1);
		}
	}

	@Test
	void readsTheSameFiguresReadAfterReadFromTheBuffersItReuses() throws Exception {
		// What a read allocates is measured by ContainerMemoryReadBenchmark, not here.
		v1("536870912\n", "461373440\n", V1_STAT);
		int reads = 20_000;
		try (ContainerMemorySource source = v1Source()) {
			long sink = 0;
			for (int i = 0; i < reads; i++) {
				sink += source.read().workingSetBytes();
			}
			assertThat(sink).isEqualTo(reads * 360 * MIB);
			assertThat(source.read()).isEqualTo(new ContainerMemory(512 * MIB, 440 * MIB, 360 * MIB, 80 * MIB));
		}
	}

	@Test
	void readsTheGroupOfThisProcessWhereTheHostHasOne() throws Exception {
		CgroupMemoryFiles files = CgroupMemoryFiles.find(Path.of("/proc/self/cgroup"), Path.of("/sys/fs/cgroup"));
		if (files == null || files.stat() == null) {
			ExternalTool.missing("No memory cgroup files for this process under /sys/fs/cgroup (read from "
					+ "/proc/self/cgroup): the container's memory is read from Linux's cgroup v1 or v2 memory controller");
		}
		try (ContainerMemorySource source = new ContainerMemorySource(files)) {
			ContainerMemory memory = source.read();
			assertThat(memory.usageBytes()).isPositive();
			assertThat(memory.hasWorkingSet()).isTrue();
			assertThat(memory.workingSetBytes()).isBetween(0L, memory.usageBytes());
			assertThat(memory.inactiveFileBytes()).isNotNegative();
		}
	}

	@Test
	@Timeout(60)
	void readsTheLimitUsageAndWorkingSetOfARealGroupAsTheKernelWritesThem() throws Exception {
		try (MemoryCgroup cgroup = MemoryCgroup.create("runtime-monitor-source-test", 200 * MIB)) {
			Process filler = cgroup.start(HeapFiller
				.command(List.of("-XX:+UseSerialGC", "-Xmx64m", "-Xss256k", "-XX:TieredStopAtLevel=1"), 32));
			HeapFiller.awaitHolding(filler, Duration.ofSeconds(30));
			Path procSelfCgroup = this.root.resolve("cgroup");
			Files.writeString(procSelfCgroup, cgroup.procCgroupLine() + "\n");
			CgroupMemoryFiles files = CgroupMemoryFiles.find(procSelfCgroup, Path.of("/sys/fs/cgroup"));
			assertThat(files).isNotNull();
			assertThat(files.limit().getParent()).isEqualTo(cgroup.directory());
			try (ContainerMemorySource source = new ContainerMemorySource(files)) {
				long before = cgroup.workingSetBytes();
				ContainerMemory memory = source.read();
				long after = cgroup.workingSetBytes();
				assertThat(memory.limitBytes()).isEqualTo(200 * MIB);
				assertThat(memory.usageBytes()).isBetween(32 * MIB, 200 * MIB);
				assertThat(memory.workingSetBytes()).isBetween(32 * MIB, memory.usageBytes());
				assertThat(memory.workingSetBytes()).isBetween(Math.min(before, after) - 4 * MIB,
						Math.max(before, after) + 4 * MIB);
			}
		}
	}

	private Path v2(String max, String current, String stat) throws IOException {
		Path group = this.root.resolve("sys/fs/cgroup/kubepods/pod1/ctr");
		return write(group, "memory.max", max, "memory.current", current, stat);
	}

	private Path v1(String limit, String usage, String stat) throws IOException {
		Path group = this.root.resolve("sys/fs/cgroup/memory/kubepods/pod1/ctr");
		return write(group, "memory.limit_in_bytes", limit, "memory.usage_in_bytes", usage, stat);
	}

	private static Path write(Path group, String limitName, String limit, String usageName, String usage, String stat)
			throws IOException {
		Files.createDirectories(group);
		Files.writeString(group.resolve(limitName), limit);
		Files.writeString(group.resolve(usageName), usage);
		Path statFile = group.resolve("memory.stat");
		if (stat != null) {
			Files.writeString(statFile, stat);
		}
		return statFile;
	}

	private ContainerMemorySource v2Source() throws IOException {
		return source("0::/kubepods/pod1/ctr\n");
	}

	private ContainerMemorySource v1Source() throws IOException {
		return source("12:pids:/kubepods/pod1/ctr\n4:memory:/kubepods/pod1/ctr\n0::/\n");
	}

	private ContainerMemorySource source(String procSelfCgroup) throws IOException {
		Path file = Files.createTempFile(this.root, "cgroup", "");
		Files.writeString(file, procSelfCgroup);
		CgroupMemoryFiles files = CgroupMemoryFiles.find(file, this.root.resolve("sys/fs/cgroup"));
		assertThat(files).isNotNull();
		return new ContainerMemorySource(files);
	}

}
