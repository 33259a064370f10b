package dev.runtimemonitor.autoconfigure;

import dev.runtimemonitor.monitor.evidence.CaptureRateLimit;
import dev.runtimemonitor.monitor.evidence.Capturers;
import dev.runtimemonitor.monitor.evidence.EvidenceListener;
import dev.runtimemonitor.monitor.evidence.EvidenceRecorder;
import dev.runtimemonitor.publishing.EvidenceLogger;
import dev.runtimemonitor.sampling.evidence.EvidenceSources;
import dev.runtimemonitor.sampling.evidence.GcPauseBreakdownSource;
import dev.runtimemonitor.sampling.gc.GcEventSubscription;
import io.micrometer.core.instrument.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The evidence: the recorder that captures it when a check rises (a monitor listener, so
 * it runs on the monitor's thread, after the level change is logged) and the logger that
 * writes each capture as one event. Off with {@code runtime-monitor.evidence.enabled};
 * each kind off with its own {@code enabled}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "runtime-monitor.evidence.enabled", matchIfMissing = true)
class EvidenceConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Order(RuntimeMonitorAutoConfiguration.EVIDENCE_ORDER)
	EvidenceRecorder runtimeEvidenceRecorder(RuntimeMonitorProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<GcEventSubscription> pauses, ObjectProvider<EvidenceListener> listeners) {
		RuntimeMonitorProperties.EvidenceSettings evidence = properties.evidence();
		Clock captureClock = clock.getIfAvailable(() -> Clock.SYSTEM);
		GcEventSubscription subscription = pauses.getIfAvailable();
		GcPauseBreakdownSource gcPauses = (subscription != null) ? new GcPauseBreakdownSource(subscription.recorder(),
				properties.window(), captureClock, GcPauseBreakdownSource.DEFAULT_TOP) : null;
		CaptureRateLimit histogramRateLimit = new CaptureRateLimit(evidence.classHistogram().minInterval(),
				captureClock);
		return new EvidenceRecorder(
				Capturers.of(EvidenceSources.platform(captureClock), gcPauses, histogramRateLimit, captureClock,
						evidence.enabledKinds()),
				evidence.keepFor(), evidence.repeatAfter(), captureClock, listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	EvidenceLogger runtimeEvidenceLogger() {
		return new EvidenceLogger();
	}

}
