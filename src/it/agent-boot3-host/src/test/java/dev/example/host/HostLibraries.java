package dev.example.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own libraries, as its {@code /libraries} reports them: Spring Boot
 * 3.5's Micrometer, Jackson, SLF4J and Logback, its own Prometheus registry alone in
 * Micrometer's global registry, and Logback alone as SLF4J's provider.
 */
final class HostLibraries {

	private HostLibraries() {
	}

	static void assertTheApplicationsOwn(String json) throws Exception {
		JsonNode libraries = new ObjectMapper().readTree(json);
		JsonNode jars = libraries.path("jars");
		assertThat(jars.path("micrometer").asText()).startsWith("micrometer-core-1.15.");
		assertThat(jars.path("jackson").asText()).startsWith("jackson-databind-2.");
		assertThat(jars.path("slf4j").asText()).startsWith("slf4j-api-2.");
		assertThat(jars.path("logback").asText()).startsWith("logback-classic-1.5.");
		assertThat(libraries.path("globalRegistries")).extracting(JsonNode::asText)
			.containsExactly("io.micrometer.prometheusmetrics.PrometheusMeterRegistry");
		assertThat(libraries.path("loggerFactory").asText()).isEqualTo("ch.qos.logback.classic.LoggerContext");
		assertThat(libraries.path("slf4jProviders")).extracting(JsonNode::asText)
			.containsExactly("ch.qos.logback.classic.spi.LogbackServiceProvider");
	}

}
