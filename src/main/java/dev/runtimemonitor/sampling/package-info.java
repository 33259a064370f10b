/**
 * Sampling: the only code that reads the JVM's management beans and the operating
 * system's files. It turns them into one immutable
 * {@link dev.runtimemonitor.sampling.RuntimeSnapshot} per tick and never throws out of a
 * tick.
 */
@NullMarked
package dev.runtimemonitor.sampling;

import org.jspecify.annotations.NullMarked;
