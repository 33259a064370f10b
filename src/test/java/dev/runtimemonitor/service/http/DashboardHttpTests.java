package dev.runtimemonitor.service.http;

import java.net.http.HttpResponse;

import dev.runtimemonitor.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's files are served, and nothing else that is on the class path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardHttpTests {

	@LocalServerPort
	int port;

	@Test
	void servesThePageAtTheRoot() {
		HttpResponse<String> response = Http.get(this.port, "/", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<title>runtime-monitor</title>")
			.contains("src=\"webjars/uplot/dist/uPlot.iife.min.js\"")
			.contains("src=\"dashboard.js\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/dashboard.js", "/dashboard.css", "/webjars/uplot/dist/uPlot.iife.min.js",
			"/webjars/uplot/dist/uPlot.min.css" })
	void servesTheScriptsAndStylesFromTheJar(String path) {
		HttpResponse<String> response = Http.get(this.port, path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/webjars/", "/webjars/uplot/", "/webjars/uplot/dist/", "/static/index.html",
			"/application.yml", "/META-INF/MANIFEST.MF", "/BOOT-INF/classes/application.yml",
			"/META-INF/resources/webjars/uplot/1.6.30/LICENSE",
			"/dev/runtimemonitor/service/RuntimeMonitorApplication.class", "/webjars/../application.yml",
			"/no-such-page", "/dashboard.js/../../application.yml" })
	void servesNothingElse(String path) {
		HttpResponse<String> response = Http.get(this.port, path);
		assertThat(response.statusCode()).as(path).isIn(400, 404);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("server:");
	}

	@Test
	void unknownPagesAreNotFoundForBrowsersToo() {
		HttpResponse<String> response = Http.get(this.port, "/no-such-page", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
