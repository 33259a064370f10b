package dev.runtimemonitor.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a fabric8 Kubernetes model did not recognise. fabric8 keeps them in
 * each object's {@code additionalProperties} instead of failing, so a misspelt or
 * misplaced field ({@code readinessProbe.periodSecond}) would parse without a word; this
 * walks the whole object tree and lists every such field with its path.
 */
final class UnknownFields {

	private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

	private static final int MAX_DEPTH = 40;

	private UnknownFields() {
	}

	/**
	 * The unknown fields anywhere in a model object.
	 * @param model a fabric8 model object
	 * @return their paths, such as {@code spec.template.spec.containers[0].foo}
	 */
	static List<String> of(Object model) {
		List<String> unknown = new ArrayList<>();
		walk(model, "", unknown, 0);
		return unknown;
	}

	private static void walk(Object value, String path, List<String> unknown, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalStateException("Model too deep at " + path);
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> walk(item, path + "[" + key + "]", unknown, depth + 1));
		}
		else if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object item : collection) {
				walk(item, path + "[" + index++ + "]", unknown, depth + 1);
			}
		}
		else if (value != null && value.getClass().getName().startsWith(MODEL_PACKAGE)) {
			walkModel(value, path, unknown, depth);
		}
	}

	private static void walkModel(Object model, String path, List<String> unknown, int depth) {
		for (Method getter : model.getClass().getMethods()) {
			if (!isGetter(getter)) {
				continue;
			}
			Object value = invoke(getter, model);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> additional) {
					additional.keySet().forEach((key) -> unknown.add(join(path, String.valueOf(key))));
				}
			}
			else {
				walk(value, join(path, property(getter)), unknown, depth + 1);
			}
		}
	}

	private static boolean isGetter(Method method) {
		return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
				&& method.getDeclaringClass().getName().startsWith(MODEL_PACKAGE)
				&& (method.getName().startsWith("get") || method.getName().startsWith("is"));
	}

	private static Object invoke(Method getter, Object model) {
		try {
			return getter.invoke(model);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + getter, ex);
		}
	}

	private static String property(Method getter) {
		String name = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
