package dev.runtimemonitor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

/**
 * An OTLP/HTTP metrics receiver on 127.0.0.1, as a collector offers it on
 * {@code /v1/metrics}: it decodes each protobuf export request with OpenTelemetry's own
 * generated classes, keeps it, and answers with an empty success.
 */
public final class OtlpReceiver implements AutoCloseable {

	/** The path collectors receive OTLP/HTTP metrics on. */
	public static final String PATH = "/v1/metrics";

	private final HttpServer server;

	private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private OtlpReceiver(HttpServer server) {
		this.server = server;
	}

	/**
	 * Start receiving on a free port.
	 * @return the running receiver
	 * @throws IOException when it cannot listen
	 */
	public static OtlpReceiver start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		OtlpReceiver receiver = new OtlpReceiver(server);
		server.createContext(PATH, receiver::receive);
		server.start();
		return receiver;
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			if (!"POST".equals(exchange.getRequestMethod()) || type == null
					|| !type.startsWith("application/x-protobuf")) {
				this.problems.add(exchange.getRequestMethod() + " with Content-Type " + type);
				exchange.sendResponseHeaders(415, -1);
				return;
			}
			ExportMetricsServiceRequest request;
			try (InputStream body = body(exchange)) {
				request = ExportMetricsServiceRequest.parseFrom(body);
			}
			this.requests.add(request);
			byte[] answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (answer.length > 0) ? answer.length : -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

	private static InputStream body(HttpExchange exchange) throws IOException {
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody())
				: exchange.getRequestBody();
	}

	/**
	 * The URL to push to.
	 * @return {@code http://127.0.0.1:port/v1/metrics}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	/**
	 * The export requests received so far.
	 * @return the decoded requests, oldest first
	 */
	public List<ExportMetricsServiceRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Requests that were not OTLP/HTTP protobuf posts.
	 * @return a line per refused request
	 */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	/**
	 * Every metric received under a name, oldest first.
	 * @param name the OTLP metric name, such as {@code runtime.check.value}
	 * @return the metrics
	 */
	public List<Metric> metrics(String name) {
		List<Metric> metrics = new ArrayList<>();
		for (ExportMetricsServiceRequest request : this.requests) {
			for (ResourceMetrics resource : request.getResourceMetricsList()) {
				for (ScopeMetrics scope : resource.getScopeMetricsList()) {
					for (Metric metric : scope.getMetricsList()) {
						if (metric.getName().equals(name)) {
							metrics.add(metric);
						}
					}
				}
			}
		}
		return metrics;
	}

	/**
	 * The latest gauge or sum point of a metric with a given attribute.
	 * @param name the OTLP metric name
	 * @param key an attribute's key, such as {@code check}
	 * @param value the attribute's value, such as {@code threads}
	 * @return the point, if one was received
	 */
	public Optional<NumberDataPoint> latestPoint(String name, String key, String value) {
		NumberDataPoint latest = null;
		for (Metric metric : metrics(name)) {
			List<NumberDataPoint> points = metric.hasGauge() ? metric.getGauge().getDataPointsList()
					: metric.hasSum() ? metric.getSum().getDataPointsList() : List.of();
			for (NumberDataPoint point : points) {
				if (hasAttribute(point, key, value)) {
					latest = point;
				}
			}
		}
		return Optional.ofNullable(latest);
	}

	private static boolean hasAttribute(NumberDataPoint point, String key, String value) {
		for (KeyValue attribute : point.getAttributesList()) {
			if (attribute.getKey().equals(key) && attribute.getValue().getStringValue().equals(value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A point's value, whether sent as a double or an integer.
	 * @param point the point
	 * @return its value
	 */
	public static double valueOf(NumberDataPoint point) {
		return point.hasAsDouble() ? point.getAsDouble() : point.getAsInt();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
