package dev.runtimemonitor.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.runtimemonitor.agent.QualityValues.Quality;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import org.jspecify.annotations.Nullable;

/**
 * The agent's {@code /metrics}: the registry in Prometheus's text format 0.0.4, or in
 * OpenMetrics for a scraper that asks for it in {@code Accept}, as Spring Boot's
 * Prometheus endpoint answers. Every gauge reads what the last tick computed.
 * <p>
 * The choice weighs the {@code Accept} header's quality values. The Prometheus client's
 * own choice ({@code ExpositionFormats.findWriter}, which Micrometer's registry uses)
 * does not: it looks for the format's name anywhere in the header, so it takes
 * OpenMetrics at {@code q=0}, and protobuf, which the agent jar leaves out, for a
 * Prometheus that lists it first for native histograms. The writers and their content
 * types stay the client's.
 */
final class MetricsResponses {

	static final String TEXT = "text/plain";

	static final String OPENMETRICS = "application/openmetrics-text";

	private final PrometheusMeterRegistry registry;

	private final ExpositionFormats formats = ExpositionFormats.init();

	MetricsResponses(PrometheusMeterRegistry registry) {
		this.registry = registry;
	}

	Response scrape(@Nullable String accept) {
		ExpositionFormatWriter writer = wantsOpenMetrics(accept) ? this.formats.getOpenMetricsTextFormatWriter()
				: this.formats.getPrometheusTextFormatWriter();
		ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
		try {
			this.registry.scrape(body, writer.getContentType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Response(Response.OK, writer.getContentType(), body.toByteArray());
	}

	/**
	 * OpenMetrics when the client wants it more than the text format, or as much and by
	 * its name (as Spring Boot and the Prometheus client choose it then); the text format
	 * otherwise, also when the client accepts neither, as the Prometheus client answers.
	 * @param accept the {@code Accept} header, or {@code null} when absent
	 * @return whether to answer in OpenMetrics
	 */
	static boolean wantsOpenMetrics(@Nullable String accept) {
		Quality openMetrics = QualityValues.of(accept, OPENMETRICS);
		Quality text = QualityValues.of(accept, TEXT);
		return openMetrics.q() > text.q() || (openMetrics.accepted() && openMetrics.q() == text.q() && openMetrics.named());
	}

}
