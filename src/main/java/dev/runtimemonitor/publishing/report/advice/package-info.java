/**
 * GC and memory tuning advice: pure rules over a plain record of what was measured and
 * how the JVM was started. No rule reads anything of its own, so each is tested with
 * plain values.
 */
@NullMarked
package dev.runtimemonitor.publishing.report.advice;

import org.jspecify.annotations.NullMarked;
