package dev.runtimemonitor.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which probe groups the application chose the members of itself
 * ({@code management.endpoint.health.group.liveness.include=...} or
 * {@code ...exclude=...}): those stay exactly as the application wrote them, as Spring
 * Boot's own probe groups do.
 */
final class ProbeGroupMembership {

	private static final List<String> PROBE_GROUPS = List.of("liveness", "readiness");

	private static final List<String> MEMBERSHIP_PROPERTIES = List.of("include", "exclude");

	private ProbeGroupMembership() {
	}

	static Set<String> configuredIn(Environment environment) {
		Binder binder = Binder.get(environment);
		Set<String> configured = new LinkedHashSet<>();
		for (String group : PROBE_GROUPS) {
			if (membershipConfigured(binder, group)) {
				configured.add(group);
			}
		}
		return configured;
	}

	private static boolean membershipConfigured(Binder binder, String group) {
		return MEMBERSHIP_PROPERTIES.stream()
			.anyMatch((property) -> binder
				.bind("management.endpoint.health.group." + group + "." + property, Bindable.setOf(String.class))
				.isBound());
	}

}
