/**
 * Spring wiring at the edge: properties, auto-configuration, lifecycle. The core packages
 * know nothing of Spring.
 */
@NullMarked
package dev.runtimemonitor.autoconfigure;

import org.jspecify.annotations.NullMarked;
