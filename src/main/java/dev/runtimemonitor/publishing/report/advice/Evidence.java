package dev.runtimemonitor.publishing.report.advice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures behind a piece of advice, in the order a reader wants them.
 */
final class Evidence {

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private Evidence() {
	}

	static Evidence of(String name, Object value) {
		return new Evidence().and(name, value);
	}

	Evidence and(String name, Object value) {
		this.figures.put(name, value);
		return this;
	}

	Map<String, Object> toMap() {
		return this.figures;
	}

}
