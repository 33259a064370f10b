/**
 * Evaluation: pure functions from a snapshot, the snapshots before it and the thresholds
 * to check results. No I/O and no clock of its own: every time comes from the snapshots.
 */
@NullMarked
package dev.runtimemonitor.evaluation;

import org.jspecify.annotations.NullMarked;
