package dev.runtimemonitor.agent;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON as the actuator writes it in a Spring Boot application, from the maps and values
 * the library's publishing makes ({@code JsonValues}, {@code RuntimeHealth}): the same
 * bytes Jackson's object mapper gives for them, written with Jackson's generator alone,
 * so that the agent does not load the object mapper's classes into the application's JVM.
 * Maps with text keys, lists, text, numbers, booleans and {@code null} are all that reach
 * it; anything else is a mistake in the agent, refused rather than guessed at.
 */
final class Json {

	private static final JsonFactory FACTORY = new JsonFactory();

	private Json() {
	}

	static byte[] write(@Nullable Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
			write(generator, value);
		}
		return bytes.toByteArray();
	}

	private static void write(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String text) {
			generator.writeString(text);
		}
		else if (value instanceof Boolean flag) {
			generator.writeBoolean(flag);
		}
		else if (value instanceof Number number) {
			writeNumber(generator, number);
		}
		else if (value instanceof Map<?, ?> entries) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : entries.entrySet()) {
				if (!(entry.getKey() instanceof String name)) {
					throw refused(entry.getKey());
				}
				generator.writeName(name);
				write(generator, entry.getValue());
			}
			generator.writeEndObject();
		}
		else if (value instanceof Collection<?> elements) {
			generator.writeStartArray();
			for (Object element : elements) {
				write(generator, element);
			}
			generator.writeEndArray();
		}
		else {
			throw refused(value);
		}
	}

	/** Each kind of number as the object mapper writes it: bytes and shorts as ints. */
	private static void writeNumber(JsonGenerator generator, Number number) {
		if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
			generator.writeNumber(number.intValue());
		}
		else if (number instanceof Long whole) {
			generator.writeNumber(whole);
		}
		else if (number instanceof Double figure) {
			generator.writeNumber(figure);
		}
		else if (number instanceof Float figure) {
			generator.writeNumber(figure);
		}
		else if (number instanceof BigInteger whole) {
			generator.writeNumber(whole);
		}
		else if (number instanceof BigDecimal figure) {
			generator.writeNumber(figure);
		}
		else {
			throw refused(number);
		}
	}

	private static IllegalArgumentException refused(@Nullable Object value) {
		return new IllegalArgumentException(
				"The agent writes no JSON for " + ((value != null) ? value.getClass().getName() : "a null key"));
	}

}
