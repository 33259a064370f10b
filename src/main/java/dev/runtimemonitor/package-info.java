/**
 * The runtime-monitor service. Data flows one way: {@code sampling} reads the JVM,
 * {@code evaluation} judges it, {@code monitor} runs the schedule, {@code publishing}
 * turns the result into meters, health and logs, and {@code autoconfigure} wires it into
 * Spring at the edge.
 */
@NullMarked
package dev.runtimemonitor;

import org.jspecify.annotations.NullMarked;
