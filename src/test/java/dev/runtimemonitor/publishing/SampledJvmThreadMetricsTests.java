package dev.runtimemonitor.publishing;

import java.lang.management.ManagementFactory;

import dev.runtimemonitor.sampling.ThreadStates;
import dev.runtimemonitor.testsupport.MeterDescriptions;
import dev.runtimemonitor.testsupport.SettableMonitorView;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.runtimemonitor.testsupport.SnapshotBuilder.atSeconds;
import static org.assertj.core.api.Assertions.assertThat;

class SampledJvmThreadMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SettableMonitorView monitor = new SettableMonitorView();

	@BeforeEach
	void bind() {
		new SampledJvmThreadMetrics(this.monitor).bindTo(this.registry);
	}

	@Test
	void registersTheMetersOfMicrometersJvmThreadMetrics() {
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		new JvmThreadMetrics().bindTo(micrometers);
		assertThat(MeterDescriptions.of(this.registry)).isEqualTo(MeterDescriptions.of(micrometers))
			.contains("jvm.threads.states [tag(state=timed-waiting)] GAUGE threads 'The current number of threads'");
	}

	@Test
	void registersTheMetersOfMicrometersJvmThreadMetricsWithExtraTags() {
		SimpleMeterRegistry ours = new SimpleMeterRegistry();
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		new SampledJvmThreadMetrics(this.monitor, Tags.of("app", "a")).bindTo(ours);
		new JvmThreadMetrics(Tags.of("app", "a")).bindTo(micrometers);
		assertThat(MeterDescriptions.of(ours)).isEqualTo(MeterDescriptions.of(micrometers));
	}

	@Test
	void stateGaugesAreNaNBeforeTheFirstTick() {
		assertThat(this.registry.get("jvm.threads.states").gauges()).hasSize(6)
			.allSatisfy((gauge) -> assertThat(gauge.value()).isNaN());
	}

	@Test
	void stateGaugesReadTheCountsOfTheLastTick() {
		this.monitor.tick(atSeconds(0).threadStates(new ThreadStates(1, 2, 3, 4, 5, 6)));
		assertThat(state("new")).isEqualTo(1);
		assertThat(state("runnable")).isEqualTo(2);
		assertThat(state("blocked")).isEqualTo(3);
		assertThat(state("waiting")).isEqualTo(4);
		assertThat(state("timed-waiting")).isEqualTo(5);
		assertThat(state("terminated")).isEqualTo(6);
		this.monitor.tick(atSeconds(5).threadStates(new ThreadStates(0, 9, 0, 40, 7, 0)));
		assertThat(state("runnable")).isEqualTo(9);
		assertThat(state("waiting")).isEqualTo(40);
	}

	@Test
	void aFailedReadLeavesTheStateGaugesNaNNotStale() {
		this.monitor.tick(atSeconds(0).threadStates(new ThreadStates(1, 2, 3, 4, 5, 6)));
		assertThat(state("waiting")).isEqualTo(4);
		// A read that fails leaves the states out of the tick's snapshot.
		this.monitor.tick(atSeconds(5));
		assertThat(this.registry.get("jvm.threads.states").gauges())
			.allSatisfy((gauge) -> assertThat(gauge.value()).isNaN());
		assertThat(this.registry.get("jvm.threads.live").gauge().value()).isPositive();
	}

	@Test
	void theOtherThreadMetersReadTheThreadBeanAsMicrometersDo() {
		// Each count read before the one that can only have grown past it since.
		double live = this.registry.get("jvm.threads.live").gauge().value();
		assertThat(live).isPositive();
		assertThat(this.registry.get("jvm.threads.peak").gauge().value()).isGreaterThanOrEqualTo(live);
		assertThat(this.registry.get("jvm.threads.daemon").gauge().value()).isPositive();
		int alive = ManagementFactory.getThreadMXBean().getThreadCount();
		assertThat(this.registry.get("jvm.threads.started").functionCounter().count()).isGreaterThanOrEqualTo(alive);
	}

	private double state(String state) {
		return this.registry.get("jvm.threads.states").tag("state", state).gauge().value();
	}

}
