/**
 * runtime-monitor, the library: JVM runtime health for any Spring Boot application. Data
 * flows one way: {@code sampling} reads the JVM, {@code evaluation} judges it,
 * {@code monitor} runs the schedule, {@code publishing} turns the result into meters,
 * health, logs and the report, and {@code autoconfigure} wires it into the host
 * application at the edge, adding beans and contributors and changing nothing else.
 */
@NullMarked
package dev.runtimemonitor;

import org.jspecify.annotations.NullMarked;
