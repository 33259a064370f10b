package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.sampling.GcPauseCause;
import dev.runtimemonitor.sampling.evidence.GcPauseBreakdown;
import dev.runtimemonitor.sampling.gc.GcPause;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GcPausesFormatterTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final GcPauseBreakdown pauses = new GcPauseBreakdown(Duration.ofMinutes(5),
			List.of(new GcPause(41, "G1Full", "full", "System.gc()", 812_300_000, T0),
					new GcPause(40, "G1New", "young", "G1 Evacuation Pause", 12_000_000, T0)),
			List.of(new GcPauseCause("System.gc()", 3, 1_200_000_000, 812_300_000, false),
					new GcPauseCause("Heap Inspection Initiated GC", 1, 100_000_000, 100_000_000, true),
					new GcPauseCause("G1 Evacuation Pause", 128, 200_000_000, 12_000_000, false)));

	@Test
	void theSummaryNamesTheLongestPauseAndTheCauseWithTheMostPauseTime() {
		assertThat(GcPausesFormatter.format(this.pauses).summary())
			.isEqualTo("longest pause 812 ms (G1Full full, System.gc()); most pause time: System.gc(), 1.2 s of "
					+ "1.5 s in 132 pauses");
	}

	@Test
	void writesTheLongestPausesThenThePauseTimeByCause() {
		assertThat(GcPausesFormatter.format(this.pauses).text()).isEqualTo(
				"""
						GC pauses in the last 5 min: 132 pauses, 1.5 s in all
						The longest:
						     812 ms  GC(41)  G1Full full, System.gc(), ended 2026-01-01T00:00:00Z
						   12.00 ms  GC(40)  G1New young, G1 Evacuation Pause, ended 2026-01-01T00:00:00Z
						Pause time by cause:
						      1.2 s   80.0%       3 pauses, longest    812 ms  System.gc()
						     100 ms    6.7%       1 pause, longest    100 ms  Heap Inspection Initiated GC (diagnostic: a heap inspection, left out of gc-pause and gc-overhead)
						     200 ms   13.3%     128 pauses, longest  12.00 ms  G1 Evacuation Pause
						""");
	}

	@Test
	void aWindowWithoutPausesSaysSo() {
		Capture capture = GcPausesFormatter.format(new GcPauseBreakdown(Duration.ofSeconds(30), List.of(), List.of()));
		assertThat(capture.summary()).isEqualTo("no GC pause in the window");
		assertThat(capture.text()).isEqualTo("GC pauses in the last 30.0 s: 0 pauses, 0.000 ms in all\n");
	}

}
