/**
 * Fault scenarios for rehearsing alerts and probe restarts: a thread leak, retained heap,
 * allocation churn and a deadlock, each bounded, each served under {@code /demo} only
 * with the {@code demo} profile. Nothing here is active in a normal start.
 */
@NullMarked
package dev.runtimemonitor.service.demo;

import org.jspecify.annotations.NullMarked;
