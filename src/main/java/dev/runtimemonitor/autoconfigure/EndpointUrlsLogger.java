package dev.runtimemonitor.autoconfigure;

import java.time.Duration;

import dev.runtimemonitor.evaluation.FigureFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs where the metrics and health are, once the server that serves them listens: the
 * management server when it has a port of its own, the application's server otherwise.
 */
final class EndpointUrlsLogger implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(EndpointUrlsLogger.class);

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	private final Duration interval;

	private final boolean separateManagementServer;

	EndpointUrlsLogger(ObjectProvider<PathMappedEndpoints> endpoints, Duration interval,
			boolean separateManagementServer) {
		this.endpoints = endpoints;
		this.interval = interval;
		this.separateManagementServer = separateManagementServer;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		boolean managementServer = "management".equals(event.getApplicationContext().getServerNamespace());
		if (managementServer != this.separateManagementServer) {
			return;
		}
		PathMappedEndpoints endpoints = this.endpoints.getIfAvailable();
		if (endpoints == null) {
			return;
		}
		String health = endpoints.getPath(EndpointId.of("health"));
		String metrics = endpoints.getPath(EndpointId.of("prometheus"));
		if (health == null && metrics == null) {
			return;
		}
		String base = "http://localhost:" + event.getWebServer().getPort();
		logger.info("Runtime monitor sampling every {}: metrics at {}, health at {}",
				FigureFormatter.duration(this.interval), (metrics != null) ? base + metrics : "(not exposed)",
				(health != null) ? base + health : "(not exposed)");
	}

}
