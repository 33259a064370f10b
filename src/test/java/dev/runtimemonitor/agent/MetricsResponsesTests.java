package dev.runtimemonitor.agent;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsResponsesTests {

	/** What Prometheus 2 sends by default. */
	private static final String PROMETHEUS = "application/openmetrics-text;version=1.0.0,"
			+ "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	/**
	 * What Prometheus sends with native histograms on: protobuf first, which the agent
	 * leaves out.
	 */
	private static final String PROMETHEUS_PROTOBUF_FIRST = "application/vnd.google.protobuf;"
			+ "proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;"
			+ "version=1.0.0;q=0.8,application/openmetrics-text;version=0.0.1;q=0.75,"
			+ "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	@ParameterizedTest
	@ValueSource(strings = { PROMETHEUS, PROMETHEUS_PROTOBUF_FIRST, "application/openmetrics-text",
			"application/openmetrics-text, text/plain", "text/plain;q=0.4, application/openmetrics-text;q=0.5",
			"application/*", "APPLICATION/OpenMetrics-Text; Q=1" })
	void answersOpenMetricsToAClientThatWantsItMost(String accept) {
		assertThat(MetricsResponses.wantsOpenMetrics(accept)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "text/plain", "text/plain;version=0.0.4", "application/json",
			"application/openmetrics-text;q=0, */*", "application/openmetrics-text;q=0",
			"text/plain;q=0.9, application/openmetrics-text;q=0.5", "application/openmetrics-text;q=0.5, */*",
			"application/openmetrics-text;q=garbage", "application/openmetrics-text;q=2", ";;;", "" })
	void answersTheTextFormatOtherwise(String accept) {
		assertThat(MetricsResponses.wantsOpenMetrics(accept)).isFalse();
	}

	@Test
	void answersTheTextFormatWithoutAccept() {
		assertThat(MetricsResponses.wantsOpenMetrics(null)).isFalse();
	}

	@Test
	void writesEachFormatWithItsContentType() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		Gauge.builder("agent.test", () -> 1).register(registry);
		MetricsResponses metrics = new MetricsResponses(registry);
		Response text = metrics.scrape(null);
		assertThat(text.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
		assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("agent_test 1.0").doesNotContain("# EOF");
		Response openMetrics = metrics.scrape(PROMETHEUS_PROTOBUF_FIRST);
		assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
		assertThat(new String(openMetrics.body(), StandardCharsets.UTF_8)).contains("agent_test 1.0")
			.endsWith("# EOF\n");
	}

}
