/**
 * Evidence: what an engineer needs afterwards, captured once when a check turns warning
 * or critical. Deadlocked threads with their stacks and lock owners, live threads grouped
 * by name, the heap's class histogram, the native-memory summary. Every capture is
 * bounded in size ({@link dev.runtimemonitor.sampling.evidence.TextBound}, at most 64 KB
 * of text) and, where it stops the world, in frequency
 * ({@link dev.runtimemonitor.sampling.evidence.CaptureRateLimit}). The {@code …Source}
 * classes read the JVM; everything else is plain values and pure parsing and formatting,
 * tested without a JVM to read. Nothing here runs unless a capture is asked for.
 */
@NullMarked
package dev.runtimemonitor.sampling.evidence;

import org.jspecify.annotations.NullMarked;
