package dev.runtimemonitor.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
	void runsAToolAndKeepsItsExitCodeAndOutput() throws Exception {
		ExternalTool shell = ExternalTool.require("sh", "apt-get install dash");
		ExternalTool.Result result = shell.run(this.directory, Duration.ofSeconds(30), "-c",
				"echo out; echo err >&2; exit 3");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.output()).contains("out", "err");
	}

}
