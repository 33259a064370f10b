/**
 * The monitor: a schedule that samples, evaluates and hands each evaluation to its
 * listeners, and the read side that publishing uses without ever sampling.
 */
@NullMarked
package dev.runtimemonitor.monitor;

import org.jspecify.annotations.NullMarked;
