package dev.example.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the application's own libraries are, seen from inside it: the jar each of its
 * Micrometer, Jackson, SLF4J and Logback classes came from, the registries in
 * Micrometer's global registry, and the logging providers its SLF4J finds. A JVM agent
 * that brought its own copies must change none of them.
 */
@RestController
class Libraries {

	@GetMapping("/libraries")
	Map<String, Object> libraries() {
		Map<String, Object> libraries = new LinkedHashMap<>();
		libraries.put("jars", Map.of("micrometer", jarOf(MeterRegistry.class), "jackson", jarOf(ObjectMapper.class),
				"slf4j", jarOf(LoggerFactory.class), "logback", jarOf(LoggerContext.class)));
		libraries.put("globalRegistries",
				classNames(Metrics.globalRegistry.getRegistries().stream().map(Object::getClass).toList()));
		libraries.put("loggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
		libraries.put("slf4jProviders", classNames(
				ServiceLoader.load(SLF4JServiceProvider.class).stream().map(ServiceLoader.Provider::type).toList()));
		return libraries;
	}

	/**
	 * The file name of the jar a class came from: the last part of its code source,
	 * whether a jar on the class path or one nested in the application's jar.
	 */
	private static String jarOf(Class<?> type) {
		String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
		String jar = location.replaceAll("!?/$", "");
		return jar.substring(jar.lastIndexOf('/') + 1);
	}

	private static List<String> classNames(List<? extends Class<?>> types) {
		return types.stream().map(Class::getName).toList();
	}

}
