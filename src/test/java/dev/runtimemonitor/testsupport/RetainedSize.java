package dev.runtimemonitor.testsupport;

import java.lang.management.MemoryUsage;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An estimate of the heap a graph of records retains, without JOL or
 * {@code jdk.internal}: every object reached once (shared objects count once), each sized
 * as HotSpot lays it out on a 64-bit JVM with compressed references: a 12-byte header,
 * 4-byte references, primitive fields at their width, arrays with a 16-byte header, all
 * rounded up to 8 bytes. Records are walked through their components, lists through their
 * elements; strings, instants and durations are sized by their known layout; enum
 * constants are shared and free.
 */
public final class RetainedSize {

	private static final int HEADER = 12;

	private static final int ARRAY_HEADER = 16;

	private static final int REFERENCE = 4;

	private RetainedSize() {
	}

	/**
	 * The bytes the roots retain together.
	 * @param roots the objects to size
	 * @return the estimate
	 */
	public static long of(Object... roots) {
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Object> pending = new ArrayDeque<>();
		for (Object root : roots) {
			pending.push(root);
		}
		long total = 0;
		while (!pending.isEmpty()) {
			Object object = pending.pop();
			if (object instanceof Enum<?> || !seen.add(object)) {
				continue;
			}
			total += shallow(object, pending);
		}
		return total;
	}

	private static long shallow(Object object, Deque<Object> pending) {
		if (object instanceof String string) {
			return align(HEADER + 4 + 4 + 1 + 1 + 1) + align(ARRAY_HEADER + string.length());
		}
		if (object instanceof Instant || object instanceof Duration) {
			return align(HEADER + 8 + 4);
		}
		if (object instanceof Number || object instanceof Boolean) {
			return align(HEADER + 8);
		}
		if (object instanceof MemoryUsage) {
			return align(HEADER + 4 * 8);
		}
		if (object.getClass().getName().startsWith("dev.runtimemonitor.") && !object.getClass().isRecord()) {
			return fields(object, pending);
		}
		if (object instanceof Collection<?> collection) {
			collection.forEach((element) -> push(element, pending));
			return align(HEADER + REFERENCE) + align(ARRAY_HEADER + (long) REFERENCE * collection.size());
		}
		if (object.getClass().isArray()) {
			Class<?> type = object.getClass().getComponentType();
			int length = Array.getLength(object);
			if (!type.isPrimitive()) {
				for (int i = 0; i < length; i++) {
					push(Array.get(object, i), pending);
				}
			}
			return align(ARRAY_HEADER + (long) width(type) * length);
		}
		if (object.getClass().isRecord()) {
			long size = HEADER;
			for (RecordComponent component : object.getClass().getRecordComponents()) {
				size += width(component.getType());
				if (!component.getType().isPrimitive()) {
					push(value(object, component), pending);
				}
			}
			return align(size);
		}
		throw new IllegalArgumentException("Cannot size a " + object.getClass().getName());
	}

	private static long fields(Object object, Deque<Object> pending) {
		long size = HEADER;
		for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				size += width(field.getType());
				if (!field.getType().isPrimitive()) {
					push(value(object, field), pending);
				}
			}
		}
		return align(size);
	}

	private static Object value(Object object, Field field) {
		try {
			field.setAccessible(true);
			return field.get(object);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object value(Object record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void push(Object object, Deque<Object> pending) {
		if (object != null) {
			pending.push(object);
		}
	}

	private static int width(Class<?> type) {
		if (type == long.class || type == double.class) {
			return 8;
		}
		if (type == int.class || type == float.class) {
			return 4;
		}
		if (type == short.class || type == char.class) {
			return 2;
		}
		if (type == byte.class || type == boolean.class) {
			return 1;
		}
		return REFERENCE;
	}

	private static long align(long bytes) {
		return (bytes + 7) / 8 * 8;
	}

}
