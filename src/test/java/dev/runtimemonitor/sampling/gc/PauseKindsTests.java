package dev.runtimemonitor.sampling.gc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PauseKindsTests {

	@ParameterizedTest(name = "{0} / {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			G1New            | GC Pause                          | young
			G1Full           | GC Pause                          | full
			G1Old            | Pause Remark                      | remark
			G1Old            | Pause Cleanup                     | cleanup
			ParallelScavenge | GC Pause                          | young
			ParallelOld      | GC Pause                          | full
			DefNew           | GC Pause                          | young
			SerialOld        | GC Pause                          | full
			ZGC Minor        | Pause Mark Start                  | mark-start
			ZGC Major        | Pause Relocate Start              | relocate-start
			Shenandoah       | Pause Init Mark (unload classes)  | init-mark
			Shenandoah       | Pause Final Update Refs           | final-update-refs
			Epsilon          | GC Pause                          | pause
			""")
	void namesJfrPauses(String collection, String pause, String kind) {
		assertThat(PauseKinds.of(collection, pause)).isEqualTo(kind);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			end of minor GC             | young
			end of major GC             | full
			end of GC pause             | pause
			end of concurrent GC pause  | concurrent-phase
			Init Mark                   | init-mark
			Degenerated GC              | degenerated-gc
			""")
	void namesNotificationPauses(String action, String kind) {
		assertThat(PauseKinds.ofAction(action)).isEqualTo(kind);
	}

}
