/**
 * Publishing: Micrometer meters and log lines made from the latest evaluation. Nothing
 * here samples the JVM.
 */
@NullMarked
package dev.runtimemonitor.publishing;

import org.jspecify.annotations.NullMarked;
