/**
 * The runtime report: runtime information, the latest snapshot, every check, GC pause
 * percentiles and overhead, a heap analysis and tuning advice, as a model built from one
 * evaluation and the JVM's start-up settings, and as text for people. Nothing here
 * samples the JVM or knows about HTTP.
 */
@NullMarked
package dev.runtimemonitor.publishing.report;

import org.jspecify.annotations.NullMarked;
