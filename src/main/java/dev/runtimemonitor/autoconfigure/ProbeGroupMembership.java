package dev.runtimemonitor.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which probe groups the application gave members of its own
 * ({@code management.endpoint.health.group.liveness.include=...}): those stay exactly as
 * the application wrote them.
 */
final class ProbeGroupMembership {

	private static final List<String> PROBE_GROUPS = List.of("liveness", "readiness");

	private ProbeGroupMembership() {
	}

	static Set<String> configuredIn(Environment environment) {
		Binder binder = Binder.get(environment);
		Set<String> configured = new LinkedHashSet<>();
		for (String group : PROBE_GROUPS) {
			if (binder.bind("management.endpoint.health.group." + group + ".include", Bindable.setOf(String.class))
				.isBound()) {
				configured.add(group);
			}
		}
		return configured;
	}

}
