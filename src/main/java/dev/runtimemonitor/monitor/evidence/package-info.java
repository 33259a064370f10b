/**
 * Evidence, taken and kept: when a check turns warning or critical, the monitor captures,
 * once and on its own thread, what an engineer needs afterwards (deadlocked threads,
 * thread groups, the class histogram, GC pause causes, the native-memory summary), keeps
 * the latest per check until the check has been ok for a while, and tells its listeners
 * (the log). Nothing here runs while every check is ok, beyond comparing levels.
 * <p>
 * One name per idea:
 * <ul>
 * <li>an {@link dev.runtimemonitor.monitor.evidence.EvidenceKind} is what is captured,
 * and for which checks;</li>
 * <li>a {@link dev.runtimemonitor.monitor.evidence.Capturer} takes the captures of one
 * kind: it reads the kind's source ({@link dev.runtimemonitor.sampling.evidence}, which
 * returns plain records) and has the kind's {@code …Formatter} write them;</li>
 * <li>a {@link dev.runtimemonitor.monitor.evidence.Capture} is what one capture says, in
 * words: written once, here, and shown as it is by the log and {@code /runtime}, bounded
 * by {@link dev.runtimemonitor.monitor.evidence.TextBound};</li>
 * <li>{@link dev.runtimemonitor.monitor.evidence.Evidence} is a capture as the
 * {@link dev.runtimemonitor.monitor.evidence.EvidenceRecorder} keeps it: for which
 * checks' rise, when and how long it took;</li>
 * <li>the {@link dev.runtimemonitor.monitor.evidence.CaptureRateLimit} keeps the capture
 * that stops the application (the class histogram) to one per interval.</li>
 * </ul>
 */
@NullMarked
package dev.runtimemonitor.monitor.evidence;

import org.jspecify.annotations.NullMarked;
