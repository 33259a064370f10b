/**
 * The runtime's recent history for {@code /runtime/history} and the dashboard: one
 * compact point per tick in a ring of fixed size, so an hour of samples costs a few
 * hundred bytes each however long the process runs.
 */
@NullMarked
package dev.runtimemonitor.publishing.history;

import org.jspecify.annotations.NullMarked;
