package dev.runtimemonitor.publishing.report.advice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a piece of advice rests on, by name, in the order a reader wants them.
 */
final class Basis {

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private Basis() {
	}

	static Basis of(String name, Object value) {
		return new Basis().and(name, value);
	}

	Basis and(String name, Object value) {
		this.figures.put(name, value);
		return this;
	}

	Map<String, Object> toMap() {
		return this.figures;
	}

}
