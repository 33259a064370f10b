package dev.runtimemonitor.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One read of the container's memory: the limit, the usage and the whole
 * {@code memory.stat} of a cgroup v1 group, written to a temporary directory laid out like
 * {@code /sys/fs/cgroup} (the statistics of {@code ContainerMemorySourceTests}), so that
 * the figure does not depend on the host. Run with {@code -prof gc}: once warm, a read
 * should allocate nothing but the figures it returns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContainerMemoryReadBenchmark {

	private Path root;

	private ContainerMemorySource source;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.root = Files.createTempDirectory("container-memory-benchmark");
		Path group = this.root.resolve("sys/fs/cgroup/memory/kubepods/pod1/ctr");
		Files.createDirectories(group);
		Files.writeString(group.resolve("memory.limit_in_bytes"), "536870912\n");
		Files.writeString(group.resolve("memory.usage_in_bytes"), "461373440\n");
		Files.writeString(group.resolve("memory.stat"), ContainerMemorySourceTests.V1_STAT);
		Path procSelfCgroup = this.root.resolve("cgroup");
		Files.writeString(procSelfCgroup, "12:pids:/kubepods/pod1/ctr\n4:memory:/kubepods/pod1/ctr\n0::/\n");
		this.source = new ContainerMemorySource(
				CgroupMemoryFiles.find(procSelfCgroup, this.root.resolve("sys/fs/cgroup")));
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.source.close();
		try (Stream<Path> paths = Files.walk(this.root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	@Benchmark
	public ContainerMemory read() throws IOException {
		return this.source.read();
	}

}
