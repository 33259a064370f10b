package dev.runtimemonitor.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks an end-to-end test that needs minutes of real time (a trend that only fifteen
 * minutes of collections show, a climb to the kernel's OOM kill), so it runs in the long
 * lane, {@code ./mvnw verify -Plong}, which {@code .ci/run} runs after the default lane,
 * and not in {@code ./mvnw verify}. The logic such a test exercises is proven in unit
 * tests on an injected clock; the long lane keeps one real run of it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(LongLane.TAG)
public @interface LongLane {

	/**
	 * The JUnit tag that the build's lanes select on.
	 */
	String TAG = "long";

}
