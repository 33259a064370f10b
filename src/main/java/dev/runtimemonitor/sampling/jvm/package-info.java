/**
 * The JVM's settings, read once at start-up: the collector in use and how it was chosen,
 * how the maximum heap was sized, the pause goal and the uncommit settings. They never
 * change while the JVM runs, so nothing reads them per tick or per request.
 */
@NullMarked
package dev.runtimemonitor.sampling.jvm;

import org.jspecify.annotations.NullMarked;
