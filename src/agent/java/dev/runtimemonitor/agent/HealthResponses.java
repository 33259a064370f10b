package dev.runtimemonitor.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.runtimemonitor.evaluation.CheckPolicy;
import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.evaluation.Probe;
import dev.runtimemonitor.monitor.MonitorView;
import dev.runtimemonitor.publishing.RuntimeHealth;
import org.jspecify.annotations.Nullable;

/**
 * The agent's {@code /health}, {@code /health/liveness} and {@code /health/readiness}:
 * the JSON Spring Boot's health endpoint gives for the library's indicators in the
 * service, {@code runtime} with every check, {@code runtimeLiveness} and
 * {@code runtimeReadiness} with the checks that feed each probe; 503 while DOWN. Built
 * once per evaluation, however many probes read it, and never by sampling.
 */
final class HealthResponses {

	private static final String UP = "UP";

	private static final String DOWN = "DOWN";

	private static final String UNKNOWN = "UNKNOWN";

	private final MonitorView monitor;

	private volatile @Nullable Built built;

	HealthResponses(MonitorView monitor) {
		this.monitor = monitor;
	}

	Response all() {
		return built().all();
	}

	Response liveness() {
		return built().liveness();
	}

	Response readiness() {
		return built().readiness();
	}

	private Built built() {
		Evaluation evaluation = this.monitor.latest();
		Built built = this.built;
		if (built == null || built.evaluation() != evaluation) {
			built = build(evaluation);
			this.built = built;
		}
		return built;
	}

	private static Built build(@Nullable Evaluation evaluation) {
		Map<String, Object> runtime = component(evaluation, (policy) -> true);
		Map<String, Object> liveness = component(evaluation, (policy) -> policy.probe() == Probe.LIVENESS);
		Map<String, Object> readiness = component(evaluation, (policy) -> policy.probe() == Probe.READINESS);
		Map<String, Object> components = new LinkedHashMap<>();
		components.put("runtime", runtime);
		components.put("runtimeLiveness", liveness);
		components.put("runtimeReadiness", readiness);
		Map<String, Object> all = composite(components);
		all.put("groups", List.of("liveness", "readiness"));
		return new Built(evaluation, response(all), response(composite(Map.of("runtimeLiveness", liveness))),
				response(composite(Map.of("runtimeReadiness", readiness))));
	}

	/** One indicator's health, as Spring Boot writes it. */
	private static Map<String, Object> component(@Nullable Evaluation evaluation, Predicate<CheckPolicy> covered) {
		Map<String, Object> component = new LinkedHashMap<>();
		if (evaluation == null) {
			component.put("status", UNKNOWN);
			component.put("details", Map.of("reason", RuntimeHealth.NOT_SAMPLED_YET));
			return component;
		}
		RuntimeHealth health = RuntimeHealth.of(evaluation, covered);
		component.put("status", health.down() ? DOWN : UP);
		component.put("details", health.details());
		return component;
	}

	/**
	 * Components under one status, the worst of theirs in Spring Boot's order: DOWN, UP,
	 * UNKNOWN.
	 */
	private static Map<String, Object> composite(Map<String, Object> components) {
		List<?> statuses = components.values().stream().map((component) -> ((Map<?, ?>) component).get("status")).toList();
		String status = statuses.contains(DOWN) ? DOWN : statuses.contains(UP) ? UP : UNKNOWN;
		Map<String, Object> composite = new LinkedHashMap<>();
		composite.put("status", status);
		composite.put("components", components);
		return composite;
	}

	private static Response response(Map<String, Object> health) {
		return Response.json(DOWN.equals(health.get("status")) ? Response.SERVICE_UNAVAILABLE : Response.OK, health);
	}

	private record Built(@Nullable Evaluation evaluation, Response all, Response liveness, Response readiness) {
	}

}
