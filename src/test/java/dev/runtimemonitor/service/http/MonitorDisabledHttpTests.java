package dev.runtimemonitor.service.http;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with the monitor switched off: the baseline every benchmark compares
 * against, a plain Spring Boot service with its usual JVM metrics.
 */
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "runtime-monitor.enabled=false")
class MonitorDisabledHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void isAPlainSpringBootServiceWithItsUsualMetrics() {
		assertThat(this.context.getBeanNamesForType(RuntimeMonitor.class)).isEmpty();
		assertThat(Http.get(this.port, "/health").statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder()
			.build()
			.readTree(Http.get(this.port, "/health").body())
			.get("components")
			.propertyNames()).isNotEmpty().noneMatch((component) -> component.startsWith("runtime"));
		assertThat(Http.get(this.port, "/health/liveness").statusCode()).isEqualTo(200);
		String metrics = Http.get(this.port, "/metrics").body();
		assertThat(metrics).contains("jvm_threads_live_threads").doesNotContain("runtime_check_value");
	}

}
