package dev.runtimemonitor.sampling.evidence;

/**
 * Live threads whose names differ only in numbers, such as the workers of one pool.
 *
 * @param pattern the names with each number that differs between them written {@code *},
 * such as {@code pool-7-thread-*} or {@code http-nio-8080-exec-*}
 * @param threads how many live threads have such a name
 */
public record ThreadNameGroup(String pattern, int threads) {

}
