package dev.example.host;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import io.micrometer.core.instrument.push.PushMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host with nothing configured but the dependency: Spring Boot's defaults (actuator
 * at /actuator, only health exposed, no details). The monitor runs; nothing else of the
 * host changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WithSpringBootDefaultsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theMonitorRunsInTheHostOnJava17() {
		assertThat(Runtime.version().feature()).isEqualTo(17);
		assertThat(this.context.getBean(RuntimeMonitor.class).latest()).isNotNull();
	}

	@Test
	void theHostKeepsItsOwnPagesAndSettings() throws Exception {
		assertThat(Http.get(this.port, "/").body()).isEqualTo(HostApplication.HOME);
		JsonNode health = Http.json(this.port, "/actuator/health");
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.propertyNames()).doesNotContain("components", "details");
		for (String path : new String[] { "/actuator/runtime", "/actuator/prometheus", "/health", "/metrics",
				"/runtime", "/index.html", "/dashboard.js", "/demo/threads" }) {
			assertThat(Http.get(this.port, path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void nothingIsPushedAnywhere() {
		assertThat(ClassUtils.isPresent("io.micrometer.registry.otlp.OtlpMeterRegistry", null)).isFalse();
		assertThat(this.context.getBeansOfType(PushMeterRegistry.class)).isEmpty();
	}

}
