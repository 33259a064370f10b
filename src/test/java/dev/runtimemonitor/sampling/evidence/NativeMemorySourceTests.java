package dev.runtimemonitor.sampling.evidence;

import java.util.Optional;

import dev.runtimemonitor.sampling.jvm.JvmFlag;
import dev.runtimemonitor.sampling.jvm.JvmFlags;
import dev.runtimemonitor.testsupport.JdkOutputs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class NativeMemorySourceTests {

	@Test
	void takesTheSummaryWhenTrackingIsOn() {
		String fixture = JdkOutputs.nativeMemorySummary();
		NativeMemorySource source = new NativeMemorySource((operation, arguments) -> {
			assertThat(operation).isEqualTo("vmNativeMemory");
			assertThat(arguments).containsExactly("summary", "scale=KB");
			return fixture;
		}, tracking("summary"));
		assertThat(source.isTracking()).isTrue();
		assertThat(source.read())
			.hasValueSatisfying((summary) -> assertThat(summary.committedBytes()).isEqualTo(340155L * 1024));
	}

	@Test
	void runsNoCommandWhenTrackingIsOff() {
		NativeMemorySource source = new NativeMemorySource((operation, arguments) -> fail("no command expected"),
				tracking("off"));
		assertThat(source.isTracking()).isFalse();
		assertThat(source.read()).isEmpty();
	}

	@Test
	void readsTheFlagOfThisJvmWhichRunsWithoutTracking() {
		NativeMemorySource source = new NativeMemorySource(DiagnosticCommand.platform().orElseThrow(),
				JvmFlags.platform());
		assertThat(source.isTracking()).isFalse();
		assertThat(source.read()).isEmpty();
	}

	private static JvmFlags tracking(String level) {
		return (name) -> "NativeMemoryTracking".equals(name)
				? Optional.of(new JvmFlag(name, level, !"off".equals(level))) : Optional.empty();
	}

}
