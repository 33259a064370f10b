package dev.runtimemonitor.testsupport;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a registry's meters look like to a dashboard, for tests that compare the library's
 * meters with the Micrometer binder they stand in for.
 */
public final class MeterDescriptions {

	private MeterDescriptions() {
	}

	/**
	 * Each meter's name, tags, type, base unit and description, one line each.
	 * @param registry the registry
	 * @return the lines, as a set
	 */
	public static Set<String> of(MeterRegistry registry) {
		return registry.getMeters()
			.stream()
			.map(Meter::getId)
			.map((id) -> "%s %s %s %s '%s'".formatted(id.getName(), id.getTags(), id.getType(), id.getBaseUnit(),
					id.getDescription()))
			.collect(Collectors.toSet());
	}

}
