/**
 * Evidence, kept: when a check turns warning or critical, the monitor captures, once and
 * on its own thread, what an engineer needs afterwards (deadlocked threads, thread
 * groups, the class histogram, GC pause causes, the native-memory summary), keeps the
 * latest per check until the check has been ok for a while, and tells its listeners (the
 * log). The captures themselves are the sources of
 * {@link dev.runtimemonitor.sampling.evidence}; here is when to take them, and the store.
 * Nothing here runs while every check is ok, beyond comparing levels.
 */
@NullMarked
package dev.runtimemonitor.monitor.evidence;

import org.jspecify.annotations.NullMarked;
