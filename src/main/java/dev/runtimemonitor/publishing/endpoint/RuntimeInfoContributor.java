package dev.runtimemonitor.publishing.endpoint;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.publishing.JsonValues;
import dev.runtimemonitor.publishing.report.RuntimeInfo;
import dev.runtimemonitor.sampling.jvm.JvmSettings;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code runtime} to {@code /info}: the JVM, operating system, processors,
 * collector, maximum heap and container limit, from the settings read at start-up and the
 * latest readings.
 */
public final class RuntimeInfoContributor implements InfoContributor {

	private final JvmSettings jvm;

	private final MonitorView monitor;

	/**
	 * Create the contributor.
	 * @param jvm the settings read at start-up
	 * @param monitor the monitor, for the container's limit
	 */
	public RuntimeInfoContributor(JvmSettings jvm, MonitorView monitor) {
		this.jvm = jvm;
		this.monitor = monitor;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Evaluation evaluation = this.monitor.latest();
		builder.withDetail("runtime",
				JsonValues.object(RuntimeInfo.of(this.jvm, (evaluation != null) ? evaluation.readings() : null)));
	}

}
