package dev.runtimemonitor.publishing.report.advice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One piece of tuning advice, with the figures that triggered it.
 *
 * @param rule the rule that gave it, such as {@code gc-overhead}
 * @param finding what was measured, with the numbers
 * @param action what to do about it
 * @param basis the numbers the rule judged, by name, in base units (bytes, seconds,
 * ratios)
 */
public record Advice(String rule, String finding, String action, Map<String, Object> basis) {

	public Advice {
		basis = Collections.unmodifiableMap(new LinkedHashMap<>(basis));
	}

}
