package dev.runtimemonitor.sampling;

import java.time.Instant;

/**
 * The outcome of the most recent search for deadlocked threads.
 *
 * @param deadlockedThreads threads deadlocked on monitors or ownable synchronizers
 * @param checkedAt when the search ran
 */
public record DeadlockFigures(int deadlockedThreads, Instant checkedAt) {

}
