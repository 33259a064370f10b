package dev.runtimemonitor.publishing.report;

import java.time.Instant;
import java.util.List;

import dev.runtimemonitor.publishing.report.advice.Advice;
import dev.runtimemonitor.sampling.RuntimeSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The runtime report of one evaluation. An {@link OperationResponseBody}, so that the
 * actuator writes it with its own JSON mapper, as it writes every endpoint's body: the
 * application's Jackson settings never change its shape, and unknown figures are left
 * out.
 *
 * @param sampledAt when the snapshot was taken
 * @param runtime what the JVM runs as and with
 * @param checks every enabled check
 * @param gc GC pauses and overhead
 * @param heap the heap analysis, {@code null} when memory could not be read
 * @param advice tuning advice, most pressing first; empty when nothing calls for a change
 * @param snapshot the snapshot itself
 */
public record RuntimeReport(Instant sampledAt, RuntimeInfo runtime, List<CheckReport> checks, GcReport gc,
		@Nullable HeapReport heap, List<Advice> advice, RuntimeSnapshot snapshot) implements OperationResponseBody {

}
