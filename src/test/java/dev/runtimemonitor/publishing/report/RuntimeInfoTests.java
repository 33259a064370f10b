package dev.runtimemonitor.publishing.report;

import dev.runtimemonitor.evaluation.Readings;
import dev.runtimemonitor.sampling.jvm.Collector;
import dev.runtimemonitor.sampling.jvm.GcChoice;
import dev.runtimemonitor.sampling.jvm.HeapSizing;
import dev.runtimemonitor.sampling.jvm.JvmSettings;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.publishing.report.ReportFixtures.MIB;
import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class RuntimeInfoTests {

	@Test
	void carriesTheSettingsInBaseUnits() {
		RuntimeInfo info = RuntimeInfo.of(ReportFixtures.JVM,
				Readings.of(atSeconds(0).container(512 * MIB, 100 * MIB).build()));
		assertThat(info.memoryBytes()).isEqualTo(1024 * MIB);
		assertThat(info.containerMemoryLimitBytes()).isEqualTo(512 * MIB);
		assertThat(info.gc()).isEqualTo(new RuntimeInfo.Gc("G1", "ergonomics", 0.2, 0, false, null, null));
		assertThat(info.heap()).isEqualTo(new RuntimeInfo.Heap(256 * MIB, "default", 25.0, 256 * MIB));
	}

	@Test
	void whatTheJvmDidNotSayIsNaN() {
		JvmSettings jvm = new JvmSettings("Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "25+36-LTS", "Linux 6.1",
				"amd64", 2, -1, new GcChoice(Collector.PARALLEL, true, -1, -1, false),
				new HeapSizing(-1, true, Double.NaN, false, -1, false), "unknown");
		RuntimeInfo info = RuntimeInfo.of(jvm, null);
		assertThat(info.memoryBytes()).isNaN();
		assertThat(info.containerMemoryLimitBytes()).isNaN();
		assertThat(info.gc().pauseGoalSeconds()).isNaN();
		assertThat(info.gc().periodicGcIntervalSeconds()).isNaN();
		assertThat(info.heap().maxBytes()).isNaN();
		assertThat(info.heap().setBy()).isEqualTo("-Xmx");
		assertThat(info.heap().maxRamPercentage()).isNaN();
		assertThat(info.heap().softMaxBytes()).isNaN();
	}

}
