package dev.runtimemonitor.publishing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Turns the figures of a report, a history point or a check into what JSON carries: the
 * one place where an unknown figure ({@code NaN}) is left out and a whole number is
 * written as an integer. Field names are the records' component names, which carry their
 * units ({@code usedBytes}, {@code p99Seconds}).
 */
public final class JsonValues {

	/** Whole numbers up to this size are exact in a double, and in JavaScript. */
	private static final double LARGEST_EXACT = 9_007_199_254_740_992.0;

	private JsonValues() {
	}

	/**
	 * A figure as a JSON number.
	 * @param value the figure, {@code NaN} when unknown
	 * @return {@code null} when unknown, a {@link Long} for a whole number, else a
	 * {@link Double}
	 */
	public static @Nullable Number number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT) {
			return (long) value;
		}
		return value;
	}

	/**
	 * A record as a JSON object: its components in order, unknown figures and absent
	 * values left out, nested records, lists and maps converted the same way, instants as
	 * ISO-8601 text.
	 * @param record the record
	 * @return the object
	 */
	public static Map<String, Object> object(Record record) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Object value = json(read(record, component));
			if (value != null) {
				object.put(component.getName(), value);
			}
		}
		return object;
	}

	private static @Nullable Object json(@Nullable Object value) {
		if (value instanceof Double figure) {
			return number(figure);
		}
		if (value instanceof Float figure) {
			return number(figure);
		}
		if (value instanceof Record nested) {
			return object(nested);
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof Collection<?> elements) {
			return list(elements);
		}
		if (value instanceof Map<?, ?> entries) {
			return map(entries);
		}
		return value;
	}

	private static List<Object> list(Collection<?> elements) {
		List<Object> list = new ArrayList<>(elements.size());
		for (Object element : elements) {
			Object value = json(element);
			if (value != null) {
				list.add(value);
			}
		}
		return list;
	}

	private static Map<String, Object> map(Map<?, ?> entries) {
		Map<String, Object> map = new LinkedHashMap<>();
		entries.forEach((key, element) -> {
			Object value = json(element);
			if (value != null) {
				map.put(String.valueOf(key), value);
			}
		});
		return map;
	}

	private static @Nullable Object read(Record record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), ex);
		}
	}

}
