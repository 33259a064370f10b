/**
 * The web edge of the report: the {@code runtime} actuator endpoint ({@code /runtime} as
 * JSON or text, {@code /runtime/history}) and the {@code runtime} info contributor. They
 * read what the monitor's last tick computed; none of them samples the JVM.
 */
@NullMarked
package dev.runtimemonitor.publishing.endpoint;

import org.jspecify.annotations.NullMarked;
