package dev.runtimemonitor.testsupport;

import tools.jackson.databind.JsonNode;

/**
 * Reads the monitor's {@code /runtime} JSON the way the end-to-end tests look at it.
 */
public final class RuntimeJson {

	private RuntimeJson() {
	}

	/**
	 * The entry of {@code checks} for one check.
	 * @param report the {@code /runtime} JSON
	 * @param name the check's name, say {@code heap-growth}
	 * @return its entry, with {@code level}, {@code value}, {@code warning} and
	 * {@code critical}
	 * @throws IllegalStateException if the report has no such check
	 */
	public static JsonNode check(JsonNode report, String name) {
		for (JsonNode check : report.path("checks")) {
			if (check.path("check").asString().equals(name)) {
				return check;
			}
		}
		throw new IllegalStateException("No " + name + " check in " + report.path("checks"));
	}

}
