/**
 * The Java agent: the monitor for any JVM that is not a Spring Boot 4 application, with
 * the library's checks, meters, probes and report on a port of its own, served by the
 * JDK's HTTP server. Nothing of Spring: the library's property names, types and defaults
 * come from the metadata the configuration processor writes, their rules from
 * {@code dev.runtimemonitor.settings}. Started with
 * {@code -javaagent:runtime-monitor-agent.jar=[host:]port[:config-file]}.
 */
@NullMarked
package dev.runtimemonitor.agent;

import org.jspecify.annotations.NullMarked;
