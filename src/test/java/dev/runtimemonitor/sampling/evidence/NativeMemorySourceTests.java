package dev.runtimemonitor.sampling.evidence;

import java.io.IOException;
import java.util.Optional;

import dev.runtimemonitor.sampling.jvm.JvmFlag;
import dev.runtimemonitor.sampling.jvm.JvmFlags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class NativeMemorySourceTests {

	@Test
	void takesTheSummaryWhenTrackingIsOn() throws IOException {
		String fixture = ClassHistogramTests.fixture("vm-native-memory-summary-jdk25.txt");
		NativeMemorySource source = new NativeMemorySource((operation, arguments) -> {
			assertThat(operation).isEqualTo("vmNativeMemory");
			assertThat(arguments).containsExactly("summary", "scale=KB");
			return fixture;
		}, tracking("summary"));
		assertThat(source.isTracking()).isTrue();
		assertThat(source.capture()).isInstanceOfSatisfying(NativeMemorySummary.class,
				(summary) -> assertThat(summary.committedBytes()).isEqualTo(340155L * 1024));
	}

	@Test
	void givesTheAdviceToTurnTrackingOnWhenItIsOff() {
		NativeMemorySource source = new NativeMemorySource((operation, arguments) -> fail("no command expected"),
				tracking("off"));
		assertThat(source.isTracking()).isFalse();
		NativeMemoryEvidence evidence = source.capture();
		assertThat(evidence).isSameAs(NativeMemoryTrackingOff.ADVICE);
		assertThat(evidence.text()).contains("-XX:NativeMemoryTracking=summary").contains("costs");
	}

	@Test
	void readsTheFlagOfThisJvmWhichRunsWithoutTracking() {
		NativeMemorySource source = new NativeMemorySource(DiagnosticCommand.platform().orElseThrow(),
				JvmFlags.platform());
		assertThat(source.isTracking()).isFalse();
		assertThat(source.capture()).isInstanceOf(NativeMemoryTrackingOff.class);
	}

	private static JvmFlags tracking(String level) {
		return (name) -> "NativeMemoryTracking".equals(name)
				? Optional.of(new JvmFlag(name, level, !"off".equals(level))) : Optional.empty();
	}

}
