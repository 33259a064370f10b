package dev.runtimemonitor.e2e;

import java.time.Duration;
import java.util.List;

import dev.runtimemonitor.testsupport.AppProcess;
import dev.runtimemonitor.testsupport.Http;
import dev.runtimemonitor.testsupport.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar pushing its meters over OTLP/HTTP to a receiver on 127.0.0.1 that
 * decodes them with OpenTelemetry's own protobuf classes: the runtime meters arrive with
 * their values when the export is switched on, and nothing arrives by default.
 */
class OtlpExportIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration STEP = Duration.ofSeconds(1);

	@Test
	void pushesTheRuntimeMetersWhenSwitchedOn() throws Exception {
		try (OtlpReceiver receiver = OtlpReceiver.start();
				AppProcess app = AppProcess.start(List.of(),
						List.of("--runtime-monitor.interval=500ms", "--management.otlp.metrics.export.enabled=true",
								"--management.otlp.metrics.export.url=" + receiver.url(),
								"--management.otlp.metrics.export.step=" + STEP.toSeconds() + "s"))) {
			app.awaitPort(START_TIMEOUT);
			NumberDataPoint threads = await().atMost(STEP.multipliedBy(10))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> receiver.latestPoint("runtime.check.value", "check", "threads").orElse(null),
						(point) -> point != null && OtlpReceiver.valueOf(point) > 0);
			assertThat(OtlpReceiver.valueOf(threads)).as("live threads").isGreaterThanOrEqualTo(10).isLessThan(1000);
			assertThat(receiver.latestPoint("runtime.check.level", "check", "threads"))
				.hasValueSatisfying((level) -> assertThat(OtlpReceiver.valueOf(level)).as("threads level").isZero());
			assertThat(receiver.latestPoint("runtime.check.threshold", "check", "threads"))
				.as("a threshold of the threads check")
				.isPresent();
			assertThat(receiver.metrics("runtime.sample.errors")).isNotEmpty();
			assertThat(receiver.metrics("jvm.threads.live")).isNotEmpty();
			assertThat(receiver.requests().getFirst().getResourceMetrics(0).getResource().getAttributesList())
				.extracting(KeyValue::getKey, (attribute) -> attribute.getValue().getStringValue())
				.contains(Tuple.tuple("service.name", "runtime-monitor"));
			assertThat(receiver.problems()).isEmpty();
			assertThat(app.output()).doesNotContain("Failed to publish");
		}
	}

	@Test
	void pushesNothingByDefault() throws Exception {
		try (OtlpReceiver receiver = OtlpReceiver.start();
				AppProcess app = AppProcess.start(List.of(),
						List.of("--runtime-monitor.interval=500ms",
								"--management.otlp.metrics.export.url=" + receiver.url(),
								"--management.otlp.metrics.export.step=" + STEP.toSeconds() + "s"))) {
			int port = app.awaitPort(START_TIMEOUT);
			assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);
			Duration steps = STEP.multipliedBy(4);
			await().during(steps)
				.atMost(steps.plusSeconds(2))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> receiver.requests().isEmpty() && receiver.problems().isEmpty());
		}
	}

}
