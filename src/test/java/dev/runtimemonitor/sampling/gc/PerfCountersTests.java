package dev.runtimemonitor.sampling.gc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.runtimemonitor.sampling.gc.PerfCounterFile.VM_START_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PerfCounters}: fixtures in the hsperfdata layout, then this very JVM's
 * counters.
 */
class PerfCountersTests {

	private static final String ORIGIN = "fixture";

	private static final String INVOCATIONS = "sun.gc.collector.0.invocations";

	static Stream<ByteOrder> byteOrders() {
		return Stream.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);
	}

	private static PerfCounterFile.Builder fixture() {
		return PerfCounterFile.builder(ByteOrder.LITTLE_ENDIAN)
			.counter(INVOCATIONS, 7)
			.text("sun.gc.collector.0.name", "G1 young collection pauses");
	}

	@ParameterizedTest
	@MethodSource("byteOrders")
	void readsLongAndTextCountersInEitherByteOrder(ByteOrder order) {
		PerfCounterFile file = PerfCounterFile.builder(order)
			.counter(INVOCATIONS, 0x0102030405060708L)
			.text("sun.gc.collector.0.name", "G1 young collection pauses")
			.counter("sun.os.hrt.frequency", -1)
			.build();
		PerfCounters counters = PerfCounters.of(file.buffer(), VM_START_MILLIS, ORIGIN);
		assertThat(counters.read(counters.offsetOf(INVOCATIONS))).isEqualTo(0x0102030405060708L);
		assertThat(counters.read(counters.offsetOf("sun.os.hrt.frequency"))).isEqualTo(-1);
		assertThat(counters.text("sun.gc.collector.0.name")).isEqualTo("G1 young collection pauses");
		assertThat(counters.origin()).isEqualTo(ORIGIN);
	}

	@ParameterizedTest
	@MethodSource("byteOrders")
	void seesALaterWriteToACounter(ByteOrder order) {
		PerfCounterFile file = PerfCounterFile.builder(order).counter(INVOCATIONS, 7).build();
		PerfCounters counters = PerfCounters.of(file.buffer(), VM_START_MILLIS, ORIGIN);
		int offset = counters.offsetOf(INVOCATIONS);
		file.set(INVOCATIONS, 8);
		assertThat(counters.read(offset)).isEqualTo(8);
	}

	@Test
	void readsAFileAndSeesALaterWriteToIt(@TempDir Path directory) throws IOException {
		PerfCounterFile file = fixture().build();
		Path path = file.writeTo(directory.resolve("1"));
		PerfCounters counters = PerfCounters.ofFile(path, VM_START_MILLIS);
		int offset = counters.offsetOf(INVOCATIONS);
		assertThat(counters.read(offset)).isEqualTo(7);
		file.set(INVOCATIONS, 9);
		file.writeTo(path);
		assertThat(counters.read(offset)).isEqualTo(9);
		assertThat(counters.origin()).isEqualTo(path.toString());
	}

	@Test
	void missingNamesGiveMinusOneOrNull() {
		PerfCounters counters = PerfCounters.of(fixture().build().buffer(), VM_START_MILLIS, ORIGIN);
		assertThat(counters.offsetOf("sun.gc.collector.9.invocations")).isEqualTo(-1);
		assertThat(counters.text("sun.gc.collector.9.name")).isNull();
	}

	@Test
	void aTextIsNoLongCounterAndALongCounterNoText() {
		PerfCounters counters = PerfCounters.of(fixture().build().buffer(), VM_START_MILLIS, ORIGIN);
		assertThat(counters.offsetOf("sun.gc.collector.0.name")).isEqualTo(-1);
		assertThat(counters.text(INVOCATIONS)).isNull();
	}

	@Test
	void rejectsABufferWithoutTheMagicNumber() {
		ByteBuffer buffer = fixture().badMagic().build().buffer();
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.of(buffer, VM_START_MILLIS, ORIGIN))
			.withMessage("fixture holds no performance counters: it starts with 0xcafebabe, not 0xcafec0c0");
	}

	@Test
	void rejectsABufferTheJvmHasNotFinishedWriting() {
		ByteBuffer buffer = fixture().notAccessible().build().buffer();
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.of(buffer, VM_START_MILLIS, ORIGIN))
			.withMessage("fixture is marked not accessible: the JVM has not finished writing it");
	}

	@Test
	void rejectsEveryTruncationOfABuffer() {
		ByteBuffer buffer = fixture().build().buffer();
		for (int length = 0; length < buffer.capacity(); length++) {
			ByteBuffer truncated = buffer.slice(0, length);
			assertThatIllegalStateException().as("%d of %d bytes", length, buffer.capacity())
				.isThrownBy(() -> PerfCounters.of(truncated, VM_START_MILLIS, ORIGIN))
				.withMessageStartingWith("fixture ")
				.withMessageContaining((length < 32) ? "fewer than the 32 of the header" : "truncated");
		}
	}

	// The first entry, sun.rt.vmInitDoneTime, starts at byte 32 and is 56 bytes long.
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			more entries than fit          | 28 | 1000000 | its header lists 1000000 entries from byte 32
			entries inside the header      | 24 | 8       | its header lists 3 entries from byte 8
			an entry of length 0           | 32 | 0       | entry 0 of 3 at byte 32 does not fit
			an entry past the end          | 32 | 4096    | entry 0 of 3 at byte 32 does not fit
			a name past the entry          | 36 | 56      | entry 0 at byte 32 (no name) has its name or data outside
			a name inside the entry header | 36 | 4       | entry 0 at byte 32 (no name) has its name or data outside
			a negative vector length       | 40 | -1      | (sun.rt.vmInitDoneTime) has its name or data outside
			data past the entry            | 48 | 52      | (sun.rt.vmInitDoneTime) has its name or data outside
			data inside the entry header   | 48 | 8       | (sun.rt.vmInitDoneTime) has its name or data outside
			a long not 8-byte aligned      | 48 | 44      | sun.rt.vmInitDoneTime at byte 76 is not 8-byte aligned
			""")
	void rejectsOffsetsOutsideTheBuffer(String corruption, int at, int value, String message) {
		ByteBuffer buffer = fixture().build().buffer();
		buffer.putInt(at, value);
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.of(buffer, VM_START_MILLIS, ORIGIN))
			.withMessageStartingWith("fixture is ")
			.withMessageContaining(message);
	}

	@Test
	void rejectsAHeapBuffer() {
		ByteBuffer buffer = ByteBuffer.allocate(64);
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.of(buffer, VM_START_MILLIS, ORIGIN))
			.withMessage("fixture is no direct buffer, which volatile reads need");
	}

	@Test
	void rejectsAnotherJvmsCounters() {
		ByteBuffer buffer = fixture().build().buffer();
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.of(buffer, VM_START_MILLIS + 1, ORIGIN))
			.withMessage("fixture belongs to another JVM, started at 2026-01-01T00:00:00Z, not this one, "
					+ "started at 2026-01-01T00:00:00.001Z "
					+ "(is /tmp shared with another container whose JVM has the same pid?)");
	}

	@Test
	void rejectsCountersThatDoNotSayWhichJvmTheyBelongTo() {
		ByteBuffer buffer = fixture().without("sun.rt.vmInitDoneTime").build().buffer();
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.of(buffer, VM_START_MILLIS, ORIGIN))
			.withMessage("fixture has no counter sun.rt.vmInitDoneTime to tell which JVM it belongs to");
	}

	@Test
	void rejectsAMissingFile(@TempDir Path directory) {
		Path missing = directory.resolve("1");
		assertThatIllegalStateException().isThrownBy(() -> PerfCounters.ofFile(missing, VM_START_MILLIS))
			.withMessageStartingWith("cannot map the performance counter file at " + missing + ": ");
	}

	@Test
	void readsThisJvmsCounters() {
		PerfCounters counters = PerfCounters.ofThisJvm();
		assertThat(counters.read(counters.offsetOf("sun.os.hrt.frequency"))).isPositive();
		assertThat(counters.offsetOf(INVOCATIONS)).isNotNegative();
		assertThat(counters.text("sun.gc.collector.0.name")).isNotBlank();
	}

	@Test
	void readsThisJvmsFileWhenJdkInternalPerfIsNotExported() {
		assertThat(Object.class.getModule().isExported("jdk.internal.perf", PerfCounters.class.getModule()))
			.as("jdk.internal.perf exported to the tests (surefire's argLine exports nothing)")
			.isFalse();
		assertThat(PerfCounters.ofThisJvm().origin()).contains("hsperfdata_")
			.endsWith("/" + ProcessHandle.current().pid());
	}

	@Test
	void seesThisJvmCollect() {
		PerfCounters counters = PerfCounters.ofThisJvm();
		long before = collections(counters);
		System.gc();
		assertThat(collections(counters)).isGreaterThan(before);
	}

	/**
	 * The invocations of every collector: which one {@code System.gc()} runs depends on
	 * the GC.
	 */
	private static long collections(PerfCounters counters) {
		long sum = 0;
		for (int k = 0; counters.offsetOf("sun.gc.collector." + k + ".invocations") >= 0; k++) {
			sum += counters.read(counters.offsetOf("sun.gc.collector." + k + ".invocations"));
		}
		return sum;
	}

}
