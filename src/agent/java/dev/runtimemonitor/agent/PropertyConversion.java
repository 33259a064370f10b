package dev.runtimemonitor.agent;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.runtimemonitor.evaluation.Probe;
import org.jspecify.annotations.Nullable;

/**
 * A property's text read into its type as Spring Boot's binder reads it, so that a value
 * means in the agent what it means in a Spring Boot application: durations in Spring's
 * forms ({@code 500ms}, {@code 5s}, {@code 2m}, plain numbers in milliseconds, ISO-8601
 * such as {@code PT1M}), sizes in powers of 1024 ({@code 512MB}, plain numbers in bytes),
 * booleans as {@code true}/{@code false}, {@code on}/{@code off}, {@code yes}/{@code no}
 * or {@code 1}/{@code 0}, and enum constants in any case, with or without dashes. Empty
 * text is no value. {@code PropertyConversionTests} holds each form against Spring's own.
 */
final class PropertyConversion {

	/** A whole number with an optional unit, as Spring Boot's simple durations and sizes. */
	private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");

	private static final Pattern ISO_8601 = Pattern.compile("[+-]?[pP].*");

	private static final Map<String, ChronoUnit> DURATION_UNITS = Map.of("ns", ChronoUnit.NANOS, "us",
			ChronoUnit.MICROS, "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h",
			ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

	/** Spring's data units are case-sensitive: {@code 1GB}, not {@code 1gb}. */
	private static final Map<String, Long> SIZE_UNITS = Map.of("B", 1L, "KB", 1L << 10, "MB", 1L << 20, "GB",
			1L << 30, "TB", 1L << 40);

	/** The root package of the library's classes, as the metadata names them. */
	private static final String LIBRARY = "dev.runtimemonitor.";

	private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");

	private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

	private PropertyConversion() {
	}

	/**
	 * Read a property's text.
	 * @param text the text
	 * @param type the property's type as the metadata names it
	 * @return a {@link Boolean}, {@link Integer}, {@link Long}, {@link Double},
	 * {@link Duration}, a size as a {@link Long} of bytes, or an enum constant;
	 * {@code null} for empty text
	 * @throws IllegalArgumentException when the text is not of the type, with what it
	 * should be
	 */
	static @Nullable Object convert(String text, String type) {
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		return switch (type) {
			case "java.lang.Boolean" -> bool(value);
			case "java.lang.Integer" -> number(value, Integer::valueOf, "a whole number");
			case "java.lang.Long" -> number(value, Long::valueOf, "a whole number");
			case "java.lang.Double" -> number(value, Double::valueOf, "a number");
			case "java.time.Duration" -> duration(value);
			case "org.springframework.util.unit.DataSize" -> bytes(value);
			default -> enumConstant(value, type);
		};
	}

	private static Boolean bool(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (TRUE.contains(lower)) {
			return Boolean.TRUE;
		}
		if (FALSE.contains(lower)) {
			return Boolean.FALSE;
		}
		throw new IllegalArgumentException("is not true or false");
	}

	private static <N extends Number> N number(String value, Function<String, N> parse, String what) {
		try {
			return parse.apply(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("is not " + what);
		}
	}

	private static Duration duration(String value) {
		Matcher simple = NUMBER_AND_UNIT.matcher(value);
		try {
			if (simple.matches()) {
				String suffix = simple.group(2).toLowerCase(Locale.ROOT);
				ChronoUnit unit = suffix.isEmpty() ? ChronoUnit.MILLIS : DURATION_UNITS.get(suffix);
				if (unit != null) {
					return Duration.of(Long.parseLong(simple.group(1)), unit);
				}
			}
			else if (ISO_8601.matcher(value).matches()) {
				return Duration.parse(value);
			}
		}
		catch (RuntimeException ex) {
			// out of range, or not ISO-8601 after all: the same answer as a wrong form
		}
		throw new IllegalArgumentException("is not a duration (such as 500ms, 5s, 2m, 1h or PT1M)");
	}

	private static Long bytes(String value) {
		Matcher matcher = NUMBER_AND_UNIT.matcher(value.replaceAll("\\s", ""));
		if (matcher.matches()) {
			Long unit = matcher.group(2).isEmpty() ? Long.valueOf(1) : SIZE_UNITS.get(matcher.group(2));
			try {
				if (unit != null) {
					return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
				}
			}
			catch (ArithmeticException | NumberFormatException ex) {
				// too large: the same answer as a wrong form
			}
		}
		throw new IllegalArgumentException("is not a size (such as 512MB or 1GB)");
	}

	private static Enum<?> enumConstant(String value, String type) {
		Enum<?>[] constants = enumType(type).getEnumConstants();
		for (Enum<?> constant : constants) {
			if (canonical(constant.name()).equals(canonical(value))) {
				return constant;
			}
		}
		throw new IllegalArgumentException("is not one of " + Arrays.stream(constants)
			.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", ")));
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Enum<?>> enumType(String type) {
		try {
			Class<?> found = Class.forName(className(type), false, PropertyConversion.class.getClassLoader());
			if (found.isEnum()) {
				return (Class<? extends Enum<?>>) found;
			}
		}
		catch (ClassNotFoundException ex) {
			// reported below
		}
		throw new IllegalStateException("The agent cannot read properties of type " + type);
	}

	/**
	 * The name a class of the library has here. The agent jar carries the library's classes
	 * renamed, under {@code dev.runtimemonitor.agent.library}, so that they never meet the
	 * library itself on an application's class path; the metadata, written when the
	 * library is built, names them as the library does.
	 */
	static String className(String type) {
		if (!type.startsWith(LIBRARY)) {
			return type;
		}
		String evaluation = Probe.class.getPackageName();
		String library = evaluation.substring(0, evaluation.length() - "evaluation".length());
		return library + type.substring(LIBRARY.length());
	}

	/** Letters and digits only, in lower case: how Spring Boot matches enum constants. */
	private static String canonical(String name) {
		return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
	}

}
