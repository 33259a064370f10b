package dev.runtimemonitor.sampling;

/**
 * Platform thread counts.
 *
 * @param live live platform threads, daemon or not (the value of the threads check)
 * @param daemon live daemon threads
 * @param peak the most live threads since the JVM started (or since the peak was reset)
 * @param started threads started since the JVM started
 */
public record ThreadFigures(int live, int daemon, int peak, long started) {

}
