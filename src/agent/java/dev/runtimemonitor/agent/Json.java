package dev.runtimemonitor.agent;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as the actuator writes it in a Spring Boot application: with Jackson, from the
 * maps and values the library's publishing makes ({@code JsonValues}, {@code RuntimeHealth}).
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

}
