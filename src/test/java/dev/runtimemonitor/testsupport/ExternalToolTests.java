package dev.runtimemonitor.testsupport;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExternalToolTests {

	@Test
	void findsAProgramOnThePath() {
		assertThat(ExternalTool.require("sh", "apt-get install dash")).isExecutable();
	}

	@Test
	void missingProgramSkipsWithTheInstallCommandOrFailsInCi() {
		Class<? extends Throwable> expected = ExternalTool.isCi() ? AssertionFailedError.class
				: TestAbortedException.class;
		assertThatExceptionOfType(expected)
			.isThrownBy(() -> ExternalTool.require("runtime-monitor-no-such-tool", "apt-get install no-such-package"))
			.withMessageContaining("'runtime-monitor-no-such-tool' is not on the PATH")
			.withMessageContaining("install it with 'apt-get install no-such-package'");
	}

}
