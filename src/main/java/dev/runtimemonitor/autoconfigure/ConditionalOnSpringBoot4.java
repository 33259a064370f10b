package dev.runtimemonitor.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * Matches in a Spring Boot 4 application only. Spring Boot 3 and 2.7 read the same list
 * of auto-configurations, but this library is built on Spring Boot 4's modules; the
 * condition is decided from the class's name, before any of its other annotations or
 * methods are read, so an older Spring Boot skips the configuration instead of failing on
 * a class it lacks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnClass(name = ConditionalOnSpringBoot4.SPRING_BOOT_4_CLASS)
public @interface ConditionalOnSpringBoot4 {

	/**
	 * A class that Spring Boot 4.0 added to its core and no earlier version has (there it
	 * was {@code org.springframework.boot.env.EnvironmentPostProcessor}).
	 */
	String SPRING_BOOT_4_CLASS = "org.springframework.boot.EnvironmentPostProcessor";

}
