package dev.runtimemonitor.sampling;

import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;

/**
 * A memory pool whose usage the test sets; only what {@link MemorySource} calls is
 * answered.
 */
final class SettableMemoryPool {

	private static final long MAX = 512L * 1024 * 1024;

	final MemoryPoolMXBean bean;

	long used;

	SettableMemoryPool(String name, MemoryType type) {
		this.bean = (MemoryPoolMXBean) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { MemoryPoolMXBean.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "getName" -> name;
					case "getType" -> type;
					case "getUsage" -> new MemoryUsage(0, this.used, Math.max(this.used, MAX), MAX);
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
