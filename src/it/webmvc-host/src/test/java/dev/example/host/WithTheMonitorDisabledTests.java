package dev.example.host;

import dev.runtimemonitor.monitor.RuntimeMonitor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * runtime-monitor.enabled=false removes everything the library adds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "runtime-monitor.enabled=false", "management.endpoints.web.exposure.include=health,prometheus",
				"management.endpoint.health.show-details=always" })
class WithTheMonitorDisabledTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void noneOfTheLibrarysBeansAreThere() throws Exception {
		assertThat(this.context.getBeanNamesForType(RuntimeMonitor.class)).isEmpty();
		assertThat(Http.json(this.port, "/actuator/health").path("components").propertyNames())
			.contains("diskSpace")
			.doesNotContain("runtime");
		assertThat(Http.get(this.port, "/actuator/prometheus").body()).doesNotContain("runtime_")
			.contains("jvm_threads_live_threads");
	}

}
