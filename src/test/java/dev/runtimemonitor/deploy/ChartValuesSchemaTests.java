package dev.runtimemonitor.deploy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * values.schema.json refuses bad values at install, lint and template time, with a
 * message that names the value, before anything reaches a cluster.
 */
class ChartValuesSchemaTests {

	static Stream<Arguments> badValues() {
		return Stream.of(
				arguments(values("image.pullPolicy", "Sometimes"),
						"at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'"),
				arguments(values("runtimeMonitor.checks.heap.warning", 1.5),
						"at '/runtimeMonitor/checks/heap/warning': maximum: got 1.5, want 1"),
				arguments(values("runtimeMonitor.checks.container-memory.critical", -0.1),
						"at '/runtimeMonitor/checks/container-memory/critical': minimum: got -0.1, want 0"),
				arguments(values("runtimeMonitor.checks.threads.probe", "startup"),
						"at '/runtimeMonitor/checks/threads/probe': value must be one of 'liveness', 'readiness', 'none'"),
				arguments(values("runtimeMonitor.checks.threads.warning", 10.5),
						"at '/runtimeMonitor/checks/threads/warning': got number, want null or integer"),
				arguments(values("runtimeMonitor.checks.thread-grwoth.warning", 2),
						"at '/runtimeMonitor/checks': additional properties 'thread-grwoth' not allowed"),
				arguments(values("runtimeMonitor.checks.heap.sustian", "30s"),
						"at '/runtimeMonitor/checks/heap': additional properties 'sustian' not allowed"),
				arguments(values("runtimeMonitor.gcEvents", "logs"),
						"at '/runtimeMonitor/gcEvents': value must be one of 'auto', 'counters', 'jfr', 'notifications'"),
				// The names two values had before they were renamed, before any release:
				// unknown like any misspelt name, even with a good value.
				arguments(values("runtimeMonitor.gcPauseSource", "notifications"),
						"at '/runtimeMonitor': additional properties 'gcPauseSource' not allowed"),
				arguments(values("runtimeMonitor.checks.threads.probes", "none"),
						"at '/runtimeMonitor/checks/threads': additional properties 'probes' not allowed"),
				arguments(values("runtimeMonitor.interval", "5 seconds"),
						"at '/runtimeMonitor/interval': '5 seconds' does not match pattern"),
				arguments(values("runtimeMonitor.evidence.classHistogram.minInterval", "ten minutes"),
						"at '/runtimeMonitor/evidence/classHistogram/minInterval': 'ten minutes' does not match pattern"),
				arguments(values("runtimeMonitor.evidence.heapDump.enabled", true),
						"at '/runtimeMonitor/evidence': additional properties 'heapDump' not allowed"),
				arguments(values("runtimeMonitor.checks.heap-used.warning", 1024),
						"at '/runtimeMonitor/checks/heap-used/warning': got number, want null or string"),
				arguments(values("replicaCount", "two"), "at '/replicaCount': got string, want integer"),
				arguments(values("replicaCont", 2), "at '': additional properties 'replicaCont' not allowed"),
				arguments(values("image.repository", ""), "at '/image/repository': minLength: got 0, want 1"),
				arguments(values("image", null), "at '': missing property 'image'"),
				arguments(values("service.type", "Ingress"),
						"at '/service/type': value must be one of 'ClusterIP', 'NodePort', 'LoadBalancer'"),
				arguments(values("containerPort", 80000), "at '/containerPort': maximum: got 80,000, want 65,535"),
				arguments(values("livenessProbe.periodSeconds", 0),
						"at '/livenessProbe/periodSeconds': minimum: got 0, want 1"),
				arguments(values("serviceMonitor.interval", "15"),
						"at '/serviceMonitor/interval': '15' does not match pattern"),
				arguments(values("podDisruptionBudget.maxUnavailable", "half"),
						"at '/podDisruptionBudget/maxUnavailable'"));
	}

	@ParameterizedTest
	@MethodSource("badValues")
	void badValuesAreRefusedWithAMessageThatNamesThem(Map<String, Object> values, String message) {
		assertThatIllegalStateException().isThrownBy(() -> HelmChart.template(values))
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining(message);
	}

	@ParameterizedTest
	@MethodSource("goodValues")
	void goodValuesPass(Map<String, Object> values) {
		assertThat(HelmChart.template(values)).contains("kind: Deployment");
	}

	static Stream<Map<String, Object>> goodValues() {
		return Stream.of(values("runtimeMonitor.checks.heap.warning", 0),
				values("runtimeMonitor.checks.heap.critical", 1),
				values("runtimeMonitor.checks.thread-growth.warning", 2.5),
				values("runtimeMonitor.checks.heap-used.critical", "3GB"),
				values("runtimeMonitor.checks.sampler.critical", "20s"),
				values("runtimeMonitor.checks.gc-pause.warning", "150ms"),
				values("runtimeMonitor.checks.deadlock.probe", "none"), values("runtimeMonitor.window", "10m"),
				values("runtimeMonitor.gcEvents", "counters"), values("podDisruptionBudget.minAvailable", "50%"),
				values("global", Map.of("imageRegistry", "registry.example")));
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

}
