package dev.runtimemonitor.sampling.gc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The HotSpot performance counters of this JVM (hsperfdata), the ones that {@code jstat}
 * and {@code jcmd PerfCounter.print} show: long counters such as
 * {@code sun.gc.collector.0.invocations}, which the GC writes inside every pause, and
 * texts such as {@code sun.gc.collector.0.name}.
 * <p>
 * The counters are read in place, from the JVM's own memory through
 * {@code jdk.internal.perf} when that package is exported to this class, otherwise from
 * the JVM's {@code hsperfdata_<user>/<pid>} file, mapped read-only. The entries are
 * indexed once; a counter is then read by its offset, with a volatile read, as the JVM
 * writes it. The layout is an internal interface of HotSpot, the same on JDK 17 and 25,
 * so every buffer is checked before use, and found to be this very JVM's.
 */
final class PerfCounters {

	/** Where {@link #ofThisJvm()} reads the counters when it reads them in memory. */
	static final String IN_MEMORY = "the JVM's memory (jdk.internal.perf)";

	/** The first 4 bytes of every buffer, always written big-endian. */
	private static final int MAGIC = 0xcafec0c0;

	private static final int BYTE_ORDER_AT = 4;

	private static final int ACCESSIBLE_AT = 7;

	private static final int ENTRY_OFFSET_AT = 24;

	private static final int ENTRY_COUNT_AT = 28;

	private static final int HEADER_SIZE = 32;

	/**
	 * An entry's fixed part: int length, int name offset, int vector length, byte type,
	 * byte flags, byte units, byte variability, int data offset.
	 */
	private static final int ENTRY_HEADER_SIZE = 20;

	private static final byte LONG = 'J';

	private static final byte BYTES = 'B';

	private static final String VM_INIT_DONE_TIME = "sun.rt.vmInitDoneTime";

	private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
			ByteOrder.BIG_ENDIAN);

	private final ByteBuffer buffer;

	private final boolean littleEndian;

	private final Map<String, Entry> entries;

	private final String origin;

	private PerfCounters(ByteBuffer buffer, Map<String, Entry> entries, String origin) {
		this.buffer = buffer;
		this.littleEndian = buffer.order() == ByteOrder.LITTLE_ENDIAN;
		this.entries = entries;
		this.origin = origin;
	}

	/**
	 * Read the performance counters of this JVM: in memory when
	 * {@code java.base/jdk.internal.perf} is exported to this class (which works with
	 * {@code -XX:+PerfDisableSharedMem} too), otherwise from this JVM's file.
	 * @return the counters, checked to be this JVM's
	 * @throws IllegalStateException when neither way gives this JVM's counters
	 */
	static PerfCounters ofThisJvm() {
		long vmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
		String inMemory = "java.base/jdk.internal.perf is not exported to read them in memory";
		if (Object.class.getModule().isExported("jdk.internal.perf", PerfCounters.class.getModule())) {
			try {
				return of(attachToThisJvm(), vmStartMillis, IN_MEMORY);
			}
			catch (IllegalStateException ex) {
				inMemory = "reading them in memory failed: " + ex.getMessage();
			}
		}
		Path file = fileOfThisJvm();
		if (!Files.exists(file)) {
			throw new IllegalStateException("no performance counter file at " + file
					+ " (-XX:-UsePerfData, -XX:+PerfDisableSharedMem, a read-only /tmp or a user with no name), and "
					+ inMemory);
		}
		return ofFile(file, vmStartMillis);
	}

	/**
	 * Read the performance counters in a file, mapped read-only.
	 * @param file the file, such as {@code /tmp/hsperfdata_app/1}
	 * @param vmStartMillis the start time of the JVM the file must belong to
	 * @return the counters
	 * @throws IllegalStateException when the file cannot be read, is malformed or belongs
	 * to another JVM
	 */
	static PerfCounters ofFile(Path file, long vmStartMillis) {
		// The mapping stays valid after the channel is closed, and shares its pages with
		// the JVM's own mapping of the file: it sees every write at once.
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return of(channel.map(MapMode.READ_ONLY, 0, channel.size()), vmStartMillis, file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot map the performance counter file at " + file + ": " + ex, ex);
		}
	}

	/**
	 * Read the performance counters in a buffer laid out as HotSpot lays them out.
	 * @param buffer the buffer, direct (volatile reads need one); it is not changed
	 * @param vmStartMillis the start time of the JVM the buffer must belong to, in
	 * milliseconds since the epoch (what {@code RuntimeMXBean.getStartTime()} gives, read
	 * from the counter {@code sun.rt.vmInitDoneTime})
	 * @param origin where the buffer comes from, for messages
	 * @return the counters
	 * @throws IllegalStateException when the buffer is malformed or another JVM's
	 */
	static PerfCounters of(ByteBuffer buffer, long vmStartMillis, String origin) {
		if (!buffer.isDirect()) {
			throw new IllegalStateException(origin + " is no direct buffer, which volatile reads need");
		}
		// A duplicate reads big-endian, the order of the magic number, whatever the
		// order of the original.
		ByteBuffer counters = buffer.duplicate();
		if (counters.limit() < HEADER_SIZE) {
			throw new IllegalStateException(origin + " holds " + counters.limit() + " bytes, fewer than the "
					+ HEADER_SIZE + " of the header of performance counters");
		}
		if (counters.getInt(0) != MAGIC) {
			throw new IllegalStateException(
					String.format("%s holds no performance counters: it starts with 0x%08x, not 0x%08x", origin,
							counters.getInt(0), MAGIC));
		}
		counters.order((counters.get(BYTE_ORDER_AT) == 1) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		if (counters.get(ACCESSIBLE_AT) == 0) {
			throw new IllegalStateException(origin + " is marked not accessible: the JVM has not finished writing it");
		}
		PerfCounters perfCounters = new PerfCounters(counters, index(counters, origin), origin);
		perfCounters.checkBelongsToJvmStartedAt(vmStartMillis);
		return perfCounters;
	}

	/**
	 * Every entry by name, each checked to lie within the buffer.
	 */
	private static Map<String, Entry> index(ByteBuffer counters, String origin) {
		int size = counters.limit();
		int count = counters.getInt(ENTRY_COUNT_AT);
		int start = counters.getInt(ENTRY_OFFSET_AT);
		// The count comes first, so that a corrupt one sizes no map.
		if (count < 0 || count > size / ENTRY_HEADER_SIZE || start < HEADER_SIZE) {
			throw new IllegalStateException(origin + " is truncated or malformed: its header lists " + count
					+ " entries from byte " + start + " in " + size + " bytes");
		}
		Map<String, Entry> entries = new HashMap<>(count * 2);
		for (int i = 0; i < count; i++) {
			int length = (start <= size - ENTRY_HEADER_SIZE) ? counters.getInt(start) : -1;
			if (length < ENTRY_HEADER_SIZE || length > size - start) {
				throw new IllegalStateException(origin + " is truncated or malformed: entry " + i + " of " + count
						+ " at byte " + start + " does not fit in its " + size + " bytes");
			}
			String name = name(counters, start, length);
			int vectorLength = counters.getInt(start + 8);
			byte type = counters.get(start + 12);
			int dataOffset = counters.getInt(start + 16);
			int dataLength = (type == LONG && vectorLength == 0) ? Long.BYTES : vectorLength;
			if (name == null || vectorLength < 0 || dataOffset < ENTRY_HEADER_SIZE
					|| dataOffset > length - dataLength) {
				throw new IllegalStateException(origin + " is malformed: entry " + i + " at byte " + start + " ("
						+ ((name != null) ? name : "no name") + ") has its name or data outside itself");
			}
			if (type == LONG && vectorLength == 0 && (start + dataOffset) % Long.BYTES != 0) {
				throw new IllegalStateException(origin + " is malformed: the long counter " + name + " at byte "
						+ (start + dataOffset) + " is not 8-byte aligned");
			}
			entries.putIfAbsent(name, new Entry(type, vectorLength, start + dataOffset));
			start += length;
		}
		return entries;
	}

	/**
	 * The name of the entry at a start, a NUL-terminated string within the entry, or
	 * {@code null} when there is none.
	 */
	private static @Nullable String name(ByteBuffer counters, int start, int length) {
		int nameOffset = counters.getInt(start + 4);
		if (nameOffset < ENTRY_HEADER_SIZE || nameOffset >= length) {
			return null;
		}
		byte[] bytes = new byte[length - nameOffset];
		counters.get(start + nameOffset, bytes);
		int end = terminator(bytes);
		return (end < bytes.length) ? new String(bytes, 0, end, StandardCharsets.ISO_8859_1) : null;
	}

	private static int terminator(byte[] bytes) {
		int end = 0;
		while (end < bytes.length && bytes[end] != 0) {
			end++;
		}
		return end;
	}

	/**
	 * A shared {@code /tmp} can hold another container's JVM with the same pid: its file
	 * is well-formed, and wrong.
	 */
	private void checkBelongsToJvmStartedAt(long vmStartMillis) {
		int offset = offsetOf(VM_INIT_DONE_TIME);
		if (offset < 0) {
			throw new IllegalStateException(
					this.origin + " has no counter " + VM_INIT_DONE_TIME + " to tell which JVM it belongs to");
		}
		long started = read(offset);
		if (started != vmStartMillis) {
			throw new IllegalStateException(
					this.origin + " belongs to another JVM, started at " + Instant.ofEpochMilli(started)
							+ ", not this one, started at " + Instant.ofEpochMilli(vmStartMillis)
							+ " (is /tmp shared with another container whose JVM has the same pid?)");
		}
	}

	/**
	 * The data offset of a long counter.
	 * @param name the counter's name, such as {@code sun.gc.collector.0.invocations}
	 * @return the offset to {@link #read(int) read} it at, or -1 when there is no long
	 * counter of that name
	 */
	int offsetOf(String name) {
		Entry entry = this.entries.get(name);
		return (entry != null && entry.type() == LONG && entry.vectorLength() == 0) ? entry.dataOffset() : -1;
	}

	/**
	 * Read a long counter, with a volatile read: the JVM writes the counters while they
	 * are read.
	 * @param offset the counter's offset, from {@link #offsetOf(String)}
	 * @return the counter's current value
	 */
	long read(int offset) {
		// A call site per byte order, each on a constant handle, which the JIT compiles
		// down to a load.
		return this.littleEndian ? (long) LITTLE_ENDIAN_LONGS.getVolatile(this.buffer, offset)
				: (long) BIG_ENDIAN_LONGS.getVolatile(this.buffer, offset);
	}

	/**
	 * Read a text counter, a NUL-terminated string in a byte array.
	 * @param name the counter's name, such as {@code sun.gc.collector.0.name}
	 * @return the text, or {@code null} when there is no text counter of that name
	 */
	@Nullable String text(String name) {
		Entry entry = this.entries.get(name);
		if (entry == null || entry.type() != BYTES) {
			return null;
		}
		byte[] bytes = new byte[entry.vectorLength()];
		this.buffer.get(entry.dataOffset(), bytes);
		return new String(bytes, 0, terminator(bytes), StandardCharsets.UTF_8);
	}

	/**
	 * Where the counters are read from.
	 * @return {@link #IN_MEMORY} or the path of the file
	 */
	String origin() {
		return this.origin;
	}

	/**
	 * The buffer of this JVM's counters, through {@code jdk.internal.perf.Perf}, whose
	 * {@code attach} takes the pid (0 for this JVM) and, up to JDK 18, a mode.
	 */
	private static ByteBuffer attachToThisJvm() {
		try {
			Class<?> perfClass = Class.forName("jdk.internal.perf.Perf");
			Object perf = perfClass.getMethod("getPerf").invoke(null);
			try {
				return (ByteBuffer) perfClass.getMethod("attach", int.class).invoke(perf, 0);
			}
			catch (NoSuchMethodException ex) {
				return (ByteBuffer) perfClass.getMethod("attach", int.class, String.class).invoke(perf, 0, "r");
			}
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException(ex.toString(), ex);
		}
	}

	/**
	 * The file this JVM writes its counters to: HotSpot keeps it in {@code /tmp} on
	 * Linux, whatever {@code java.io.tmpdir} says, and in the user's temporary directory
	 * elsewhere.
	 */
	private static Path fileOfThisJvm() {
		String directory = System.getProperty("os.name", "").startsWith("Linux") ? "/tmp"
				: System.getProperty("java.io.tmpdir", "/tmp");
		return Path.of(directory, "hsperfdata_" + System.getProperty("user.name", "?"),
				Long.toString(ProcessHandle.current().pid()));
	}

	/**
	 * An entry: its type ({@code 'J'} long, {@code 'B'} byte array), its vector length (0
	 * for a scalar) and where its data starts in the buffer.
	 */
	private record Entry(byte type, int vectorLength, int dataOffset) {

	}

}
