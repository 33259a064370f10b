/**
 * The runtime-monitor service, the library's first user: its main class, the hardening of
 * its HTTP surface, and (in {@code demo}) the fault scenarios that rehearse the checks.
 * Nothing in the library imports this package.
 */
@NullMarked
package dev.runtimemonitor.service;

import org.jspecify.annotations.NullMarked;
