/**
 * GC pauses, precisely: every pause from JDK Flight Recorder event streaming with
 * nanosecond precision (GC notifications, in whole milliseconds, when JFR is not
 * available), concurrent cycles kept apart, and a bounded window of recent pauses for
 * percentiles.
 */
@NullMarked
package dev.runtimemonitor.sampling.gc;

import org.jspecify.annotations.NullMarked;
