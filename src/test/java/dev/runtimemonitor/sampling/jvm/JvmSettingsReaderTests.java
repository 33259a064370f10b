package dev.runtimemonitor.sampling.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JvmSettingsReaderTests {

	private static final JvmSettingsReader.Host HOST = new JvmSettingsReader.Host("Vendor", "VM", "25", "Linux 6.1",
			"amd64", 2, 4L << 30, 1L << 30);

	private static JvmFlags flags(JvmFlag... flags) {
		Map<String, JvmFlag> byName = new java.util.HashMap<>();
		for (JvmFlag flag : flags) {
			byName.put(flag.name(), flag);
		}
		return (name) -> Optional.ofNullable(byName.get(name));
	}

	private static JvmFlag flag(String name, String value, boolean explicit) {
		return new JvmFlag(name, value, explicit);
	}

	@Test
	void readsG1ChosenByTheJvmWithItsPauseGoalAndADefaultHeap() {
		JvmSettings settings = JvmSettingsReader.read(
				flags(flag("UseG1GC", "true", false), flag("UseSerialGC", "false", false),
						flag("MaxGCPauseMillis", "200", false), flag("G1PeriodicGCInterval", "0", false),
						flag("MaxHeapSize", "1073741824", false), flag("MaxRAMPercentage", "25.000000", false),
						flag("SoftMaxHeapSize", "1073741824", false), flag("NativeMemoryTracking", "off", false)),
				List.of(), HOST);
		assertThat(settings.gc()).isEqualTo(new GcChoice(Collector.G1, false, 200, 0, false));
		assertThat(settings.heap()).isEqualTo(new HeapSizing(1L << 30, false, 25.0, false, 1L << 30, false));
		assertThat(settings.heap().isDefault()).isTrue();
		assertThat(settings.nativeMemoryTracking()).isEqualTo("off");
		assertThat(settings.availableProcessors()).isEqualTo(2);
		assertThat(settings.physicalMemoryBytes()).isEqualTo(4L << 30);
	}

	@Test
	void tellsAnExplicitCollectorAndHeapFromErgonomicOnes() {
		JvmSettings settings = JvmSettingsReader
			.read(flags(flag("UseG1GC", "false", false), flag("UseZGC", "true", true),
					flag("MaxGCPauseMillis", "-2", false), flag("MaxHeapSize", "314572800", true),
					flag("MaxRAMPercentage", "50.0", true), flag("ZUncommit", "false", true)), List.of(), HOST);
		assertThat(settings.gc()).isEqualTo(new GcChoice(Collector.Z, true, -1, -1, false));
		assertThat(settings.heap().maxExplicit()).isTrue();
		assertThat(settings.heap().maxRamPercentageExplicit()).isTrue();
		assertThat(settings.heap().isDefault()).isFalse();
	}

	@Test
	void readsSerialChosenByTheJvm() {
		JvmSettings settings = JvmSettingsReader.read(
				flags(flag("UseG1GC", "false", false), flag("UseSerialGC", "true", false)),
				List.of("Copy", "MarkSweepCompact"), HOST);
		assertThat(settings.gc().collector()).isEqualTo(Collector.SERIAL);
		assertThat(settings.gc().explicit()).isFalse();
		assertThat(settings.gc().uncommitsWhenIdle()).isFalse();
	}

	@Test
	void fallsBackToCollectorNamesAndTheHostWithoutFlags() {
		JvmSettings settings = JvmSettingsReader.read(JvmFlags.NONE, List.of("PS MarkSweep", "PS Scavenge"), HOST);
		assertThat(settings.gc()).isEqualTo(new GcChoice(Collector.PARALLEL, false, -1, -1, false));
		assertThat(settings.heap()).isEqualTo(new HeapSizing(1L << 30, false, Double.NaN, false, -1, false));
		assertThat(settings.nativeMemoryTracking()).isEqualTo("unknown");
	}

	@Test
	void readsTheRunningJvmConsistentlyWithItsCollectorBeans() {
		JvmSettings settings = JvmSettingsReader.platform();
		List<String> beans = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.toList();
		assertThat(settings.gc().collector()).isNotEqualTo(Collector.UNKNOWN).isEqualTo(Collector.fromBeanNames(beans));
		assertThat(settings.heap().maxBytes())
			.isEqualTo(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
		assertThat(settings.availableProcessors()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(settings.version()).isEqualTo(Runtime.version().toString());
		assertThat(settings.physicalMemoryBytes()).isPositive();
		assertThat(settings.heap().maxRamPercentage()).isPositive();
	}

	@Test
	void platformFlagsSayWhichWereSetAndSkipFlagsThisJvmLacks() {
		JvmFlags platform = JvmFlags.platform();
		assertThat(platform.find("NoSuchFlagAnywhere")).isEmpty();
		assertThat(platform.find("UseContainerSupport"))
			.hasValueSatisfying((flag) -> assertThat(flag.value()).isIn("true", "false"));
		assertThat(platform.find("MaxHeapSize")).hasValueSatisfying((flag) -> assertThat(flag.asLong()).isPositive());
	}

}
