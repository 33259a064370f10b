/**
 * What the evidence is read from: the JVM's deadlocked threads with their stacks and lock
 * owners, its live threads grouped by name, its class histogram, its native-memory
 * summary, and the window's GC pauses broken down by cause. Each {@code …Source} reads
 * the JVM and returns a plain record; the grouping and the parsing are pure, tested
 * without a JVM to read. Nothing here writes text for people, nor decides when to read:
 * both are the business of {@code dev.runtimemonitor.monitor.evidence}, and nothing here
 * runs unless it asks.
 */
@NullMarked
package dev.runtimemonitor.sampling.evidence;

import org.jspecify.annotations.NullMarked;
