package dev.runtimemonitor.settings;

/**
 * A setting that makes no sense, with what is wrong with it.
 *
 * @param field the setting's path under {@code runtime-monitor}, as Spring's binder names
 * the property's field ({@code deadlockInterval}, {@code checks.heap.warning})
 * @param code what kind of problem it is, for Spring's error codes
 * @param message what the value must be, for people
 */
public record SettingProblem(String field, String code, String message) {
}
