/**
 * Health: the {@code runtime} indicators and the health groups that carry them to the
 * Kubernetes probes. They read the latest evaluation; none of them samples.
 */
@NullMarked
package dev.runtimemonitor.publishing.health;

import org.jspecify.annotations.NullMarked;
