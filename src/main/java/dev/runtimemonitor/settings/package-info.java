/**
 * The monitor's settings as the {@code runtime-monitor.*} properties set them, apart from
 * whoever reads the properties: Spring's binder in a Spring Boot application, the agent's
 * reader of its file and the environment in any other JVM. The one home of the settings'
 * rules and their messages, and of what the monitor takes from them. Nothing of Spring.
 */
@NullMarked
package dev.runtimemonitor.settings;

import org.jspecify.annotations.NullMarked;
