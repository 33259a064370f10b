package dev.runtimemonitor.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import org.jspecify.annotations.Nullable;

/**
 * The agent's {@code /metrics}: the registry in Prometheus's text format, or in
 * OpenMetrics for a scraper that asks for it in {@code Accept}, as Spring Boot's
 * Prometheus endpoint answers. Every gauge reads what the last tick computed.
 */
final class MetricsResponses {

	private final PrometheusMeterRegistry registry;

	private final ExpositionFormats formats = ExpositionFormats.init();

	MetricsResponses(PrometheusMeterRegistry registry) {
		this.registry = registry;
	}

	Response scrape(@Nullable String accept) {
		ExpositionFormatWriter writer = this.formats.findWriter((accept != null) ? accept : "");
		ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
		try {
			this.registry.scrape(body, writer.getContentType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Response(Response.OK, writer.getContentType(), body.toByteArray());
	}

}
