package dev.runtimemonitor.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExternalToolTests {

	@TempDir
	Path directory;

	@Test
	void findsAnExecutableOnThePath() throws IOException {
		Path bin = Files.createDirectories(this.directory.resolve("bin"));
		Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(bin.resolve("plain"), "not executable");
		String path = this.directory.resolve("missing") + File.pathSeparator + File.pathSeparator + bin;
		assertThat(ExternalTool.find("tool", path)).contains(tool);
		assertThat(ExternalTool.find("plain", path)).isEmpty();
		assertThat(ExternalTool.find("absent", path)).isEmpty();
		assertThat(ExternalTool.find("tool", null)).isEmpty();
	}

	@Test
	void aMissingToolSkipsTheTestWithHowToInstallIt() {
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(
				() -> ExternalTool.require("promtool", "apt-get install prometheus", this.directory.toString(), false))
			.withMessageContaining("'promtool' is not on the PATH; install it with: apt-get install prometheus");
	}

	@Test
	void aMissingToolFailsTheTestInCi() {
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(
				() -> ExternalTool.require("promtool", "apt-get install prometheus", this.directory.toString(), true))
			.withMessageContaining("install it with: apt-get install prometheus")
			.withMessageContaining("CI is set");
	}

	@Test
	void ciIsSetByAnyValueButFalse() {
		assertThat(ExternalTool.isCi("true")).isTrue();
		assertThat(ExternalTool.isCi("1")).isTrue();
		assertThat(ExternalTool.isCi("false")).isFalse();
		assertThat(ExternalTool.isCi("")).isFalse();
		assertThat(ExternalTool.isCi(null)).isFalse();
	}

	@Test
	void runsAToolAndKeepsItsExitCodeAndOutput() throws Exception {
		ExternalTool shell = ExternalTool.require("sh", "apt-get install dash");
		ExternalTool.Result result = shell.run(this.directory, Duration.ofSeconds(30), "-c",
				"echo out; echo err >&2; exit 3");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.output()).contains("out", "err");
	}

}
