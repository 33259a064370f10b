package dev.runtimemonitor.publishing;

import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.sampling.GcPauseFigures;
import dev.runtimemonitor.sampling.gc.ConcurrentCycle;
import dev.runtimemonitor.sampling.gc.GcPause;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class GcPauseMetersTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SettableMonitorView monitor = new SettableMonitorView();

	private final GcPauseMeters meters = new GcPauseMeters(this.monitor);

	@BeforeEach
	void bind() {
		this.meters.bindTo(this.registry);
	}

	@Test
	void everyPauseLandsInTheHistogramOfItsCollectorAndKind() {
		this.meters.onPause(new GcPause(1, "ZGC Minor", "mark-start", "Allocation Rate", 7_000, T0));
		this.meters.onPause(new GcPause(1, "ZGC Minor", "mark-end", "Allocation Rate", 9_000, T0));
		this.meters.onPause(new GcPause(2, "ZGC Minor", "mark-start", "Allocation Rate", 150_000, T0));
		Timer markStart = this.registry.get("runtime.gc.pause")
			.tags("collector", "ZGC Minor", "kind", "mark-start")
			.timer();
		assertThat(markStart.count()).isEqualTo(2);
		assertThat(markStart.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isEqualTo(157_000);
		CountAtBucket[] buckets = markStart.takeSnapshot().histogramCounts();
		assertThat(buckets[0].bucket(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(0.0001);
		assertThat(buckets[0].count()).isEqualTo(1);
		assertThat(buckets[1].count()).isEqualTo(2);
		assertThat(buckets).hasSize(16);
		assertThat(buckets[15].bucket(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(10);
	}

	@Test
	void concurrentCyclesHaveTheirOwnMeterAndStayOutOfThePauseHistogram() {
		this.meters.onConcurrentCycle(new ConcurrentCycle(1, "ZGC Major", 80_000_000, T0));
		assertThat(this.registry.get("runtime.gc.concurrent").tag("collector", "ZGC Major").timer().count())
			.isEqualTo(1);
		assertThat(this.registry.find("runtime.gc.pause").timers()).isEmpty();
	}

	@Test
	void windowGaugesReadTheLastTick() {
		assertThat(this.registry.get("runtime.gc.pause.window").tag("phi", "0.99").gauge().value()).isNaN();
		this.monitor
			.tick(atSeconds(0).recordedPauses(new GcPauseFigures("counters", "pauses from the JVM's GC counters", 3, 4,
					0, 9_000_000, 0, 0, 4, 1_000_000, 3_000_000, 4_000_000, 5_000_000, T0, List.of())));
		assertThat(this.registry.get("runtime.gc.pause.window").tag("phi", "0.5").gauge().value()).isEqualTo(0.001);
		assertThat(this.registry.get("runtime.gc.pause.window").tag("phi", "0.99").gauge().value()).isEqualTo(0.004);
		assertThat(this.registry.get("runtime.gc.pause.window").tag("phi", "1.0").gauge().value()).isEqualTo(0.005);
		assertThat(this.registry.get("runtime.gc.last.pause.timestamp").gauge().value()).isEqualTo(T0.getEpochSecond());
		assertThat(this.registry.get("runtime.gc.overhead").gauge().value()).isNaN();
	}

}
