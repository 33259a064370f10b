package dev.runtimemonitor.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalToolTests {

	@Test
	void findsAnExecutableOnThePath(@TempDir Path bin) throws Exception {
		Path tool = Files.createFile(bin.resolve("tool"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		assertThat(ExternalTool.find("tool", "/no/such/dir" + File.pathSeparator + bin)).hasValue(tool);
	}

	@Test
	void ignoresFilesThatAreNotExecutableAndEmptyPaths(@TempDir Path bin) throws Exception {
		Files.createFile(bin.resolve("tool"));
		assertThat(ExternalTool.find("tool", bin.toString())).isEmpty();
		assertThat(ExternalTool.find("tool", null)).isEmpty();
		assertThat(ExternalTool.find("tool", File.pathSeparator)).isEmpty();
	}

}
