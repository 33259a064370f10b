package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MemoryCgroupTests {

	private static final long MIB = 1024 * 1024;

	private static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-Xss256k", "-XX:TieredStopAtLevel=1");

	@TempDir
	Path directory;

	@Test
	@Timeout(60)
	void runsACommandUnderTheLimitReadsItsMemoryAndRemovesTheGroupWhenClosed() throws Exception {
		Path groupDirectory;
		Process process;
		try (MemoryCgroup cgroup = MemoryCgroup.create("runtime-monitor-test", 200 * MIB)) {
			groupDirectory = cgroup.directory();
			process = cgroup.start(HeapFiller.command(concat(SMALL_JVM, "-Xmx64m"), 32));
			HeapFiller.awaitHolding(process, Duration.ofSeconds(30));
			assertThat(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cgroup")))
				.contains(cgroup.group() + "\n");
			assertThat(
					Files.readString(cgroup.directory().resolve(cgroup.isV1() ? "memory.limit_in_bytes" : "memory.max"))
						.strip())
				.isEqualTo(Long.toString(200 * MIB));
			long usage = cgroup.usageBytes();
			long workingSet = cgroup.workingSetBytes();
			assertThat(usage).isBetween(32 * MIB, 200 * MIB);
			assertThat(workingSet).isBetween(32 * MIB, usage);
			assertThat(cgroup.stat()).containsKey(cgroup.isV1() ? "total_inactive_file" : "inactive_file");
			assertThat(cgroup.oomKills()).isZero();
		}
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(groupDirectory).doesNotExist();
	}

	@Test
	@Timeout(120)
	void seesTheOomKillerKillAProcessThatOutgrowsTheLimit() throws Exception {
		try (MemoryCgroup cgroup = MemoryCgroup.create("runtime-monitor-oom-test", 64 * MIB)) {
			Process process = cgroup.start(HeapFiller.command(concat(SMALL_JVM, "-Xmx1g"), null));
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
			assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("killed within 90 s").isTrue();
			assertThat(process.exitValue()).as("exit code: killed by SIGKILL").isEqualTo(128 + 9);
			assertThat(output.get(10, TimeUnit.SECONDS)).as("what it held before").contains("held 16");
			assertThat(cgroup.oomKills()).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void skipsWhenNoGroupCanBeMadeOutsideCi() throws IOException {
		Path procSelfCgroup = Files.writeString(this.directory.resolve("cgroup"), "4:memory:/nowhere\n");
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> MemoryCgroup.create(procSelfCgroup, this.directory, "test", MIB, false))
			.withMessageContaining("Cannot create a memory cgroup")
			.withMessageContaining("nowhere");
	}

	@Test
	void failsWhenNoGroupCanBeMadeInCi() throws IOException {
		Path procSelfCgroup = Files.writeString(this.directory.resolve("cgroup"), "0::/nowhere\n");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MemoryCgroup.create(procSelfCgroup, this.directory, "test", MIB, true))
			.withMessageContaining("CI is set");
	}

	private static List<String> concat(List<String> options, String option) {
		return Stream.concat(options.stream(), Stream.of(option)).toList();
	}

	private static String readAll(Process process) {
		try (InputStream output = process.getInputStream()) {
			return new String(output.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "[output unreadable: " + ex.getMessage() + "]";
		}
	}

}
