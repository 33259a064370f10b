package dev.runtimemonitor.sampling.gc;

import java.nio.ByteOrder;
import java.util.List;

/**
 * The GC counters of a JVM as HotSpot writes them, in a fixture file: collectors named as
 * in JDK 17 and 25, and pauses made the way the collector makes them, inside the pause:
 * one more invocation, its entry and exit, and its time added.
 */
final class GcCounterFixture {

	/** When the fixture JVM's creation began: its counters' clock starts there. */
	static final long CREATED_MILLIS = PerfCounterFile.VM_START_MILLIS - 80;

	private final PerfCounterFile file;

	private final long[] invocations;

	private final long[] times;

	private long clockNanos = 1_000_000_000L;

	private GcCounterFixture(PerfCounterFile file, int collectors) {
		this.file = file;
		this.invocations = new long[collectors];
		this.times = new long[collectors];
	}

	/**
	 * A JVM whose collectors have these counter names, at index 0, 1, ...
	 * @param names the counters' names, {@code null} to leave an index out
	 * @return the fixture
	 */
	static GcCounterFixture of(String... names) {
		PerfCounterFile.Builder builder = PerfCounterFile.builder(ByteOrder.nativeOrder())
			.counter("sun.os.hrt.frequency", 1_000_000_000L)
			.counter("sun.rt.createVmBeginTime", CREATED_MILLIS);
		for (int k = 0; k < names.length; k++) {
			if (names[k] != null) {
				String prefix = "sun.gc.collector." + k + ".";
				builder.text(prefix + "name", names[k])
					.counter(prefix + "invocations", 0)
					.counter(prefix + "time", 0)
					.counter(prefix + "lastEntryTime", 0)
					.counter(prefix + "lastExitTime", 0);
			}
		}
		return new GcCounterFixture(builder.build(), names.length);
	}

	/**
	 * G1 on JDK 25: young, full, and concurrent cycle pauses.
	 * @return the fixture
	 */
	static GcCounterFixture g1() {
		return of("G1 young collection pauses", "G1 full collection pauses", "G1 concurrent cycle pauses");
	}

	/**
	 * The counters, as the monitor reads them.
	 * @return the counters
	 */
	PerfCounters counters() {
		return PerfCounters.of(this.file.buffer(), PerfCounterFile.VM_START_MILLIS, "fixture");
	}

	/**
	 * The counters paired with G1's beans.
	 * @return the paired counters
	 */
	GcCounters g1Counters() {
		return GcCounters.of(counters(), List.of("G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC"));
	}

	/**
	 * A pause of a collector, some time after the previous one.
	 * @param collector the collector's index
	 * @param durationNanos how long it lasts
	 * @return when it ended, in nanoseconds on the counters' clock
	 */
	long pause(int collector, long durationNanos) {
		this.clockNanos += 10_000_000;
		String prefix = "sun.gc.collector." + collector + ".";
		this.file.set(prefix + "invocations", ++this.invocations[collector]);
		this.file.set(prefix + "lastEntryTime", this.clockNanos);
		this.clockNanos += durationNanos;
		this.file.set(prefix + "lastExitTime", this.clockNanos);
		this.times[collector] += durationNanos;
		this.file.set(prefix + "time", this.times[collector]);
		return this.clockNanos;
	}

}
