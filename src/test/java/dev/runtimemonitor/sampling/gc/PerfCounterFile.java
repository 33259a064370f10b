package dev.runtimemonitor.sampling.gc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Performance counters laid out as HotSpot lays out its hsperfdata, in a direct buffer
 * and, on demand, in a file: a 32-byte header, then one entry per counter, each with its
 * name and its data 8-byte aligned. Every fixture has {@code sun.rt.vmInitDoneTime} at
 * {@link #VM_START_MILLIS} unless told otherwise.
 */
final class PerfCounterFile {

	/** The start time of the JVM that every fixture belongs to. */
	static final long VM_START_MILLIS = 1_767_225_600_000L;

	private final ByteBuffer buffer;

	private final Map<String, Integer> dataOffsets;

	private PerfCounterFile(ByteBuffer buffer, Map<String, Integer> dataOffsets) {
		this.buffer = buffer;
		this.dataOffsets = dataOffsets;
	}

	/**
	 * Start a fixture.
	 * @param order the byte order of its header and counters
	 * @return a builder
	 */
	static Builder builder(ByteOrder order) {
		return new Builder(order);
	}

	/**
	 * The counters, the same buffer for the fixture's life.
	 * @return the buffer, direct
	 */
	ByteBuffer buffer() {
		return this.buffer;
	}

	/**
	 * Change a long counter, as the JVM does.
	 * @param name the counter's name
	 * @param value its new value
	 */
	void set(String name, long value) {
		this.buffer.putLong(this.dataOffsets.get(name), value);
	}

	/**
	 * Write the counters, in place: a mapping of the file sees each new write.
	 * @param file the file to write
	 * @return the file
	 * @throws IOException when the file cannot be written
	 */
	Path writeTo(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			channel.write(this.buffer.duplicate().clear(), 0);
		}
		return file;
	}

	/**
	 * Builds a fixture, entries in the order given.
	 */
	static final class Builder {

		private final ByteOrder order;

		private final Map<String, Object> values = new LinkedHashMap<>();

		private int magic = 0xcafec0c0;

		private boolean accessible = true;

		private Builder(ByteOrder order) {
			this.order = order;
			this.values.put("sun.rt.vmInitDoneTime", VM_START_MILLIS);
		}

		/**
		 * Add a long counter, or change one added before.
		 * @param name the counter's name
		 * @param value its value
		 * @return this builder
		 */
		Builder counter(String name, long value) {
			this.values.put(name, value);
			return this;
		}

		/**
		 * Add a text counter, a NUL-terminated byte array.
		 * @param name the counter's name
		 * @param value its text
		 * @return this builder
		 */
		Builder text(String name, String value) {
			this.values.put(name, value);
			return this;
		}

		/**
		 * Leave a counter out, such as {@code sun.rt.vmInitDoneTime}.
		 * @param name the counter's name
		 * @return this builder
		 */
		Builder without(String name) {
			this.values.remove(name);
			return this;
		}

		/**
		 * Start the buffer with a class file's magic number instead.
		 * @return this builder
		 */
		Builder badMagic() {
			this.magic = 0xcafebabe;
			return this;
		}

		/**
		 * Mark the buffer not accessible, as the JVM does until it has written it.
		 * @return this builder
		 */
		Builder notAccessible() {
			this.accessible = false;
			return this;
		}

		/**
		 * Lay the counters out, each entry's name and data 8-byte aligned, and the buffer
		 * exactly as long as its entries.
		 * @return the fixture
		 */
		PerfCounterFile build() {
			ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024).order(this.order);
			Map<String, Integer> dataOffsets = new HashMap<>();
			int start = 32;
			for (Map.Entry<String, Object> counter : this.values.entrySet()) {
				byte[] name = (counter.getKey() + "\0").getBytes(StandardCharsets.US_ASCII);
				byte[] data = (counter.getValue() instanceof String text)
						? (text + "\0").getBytes(StandardCharsets.UTF_8) : null;
				int dataOffset = align(20 + name.length);
				int length = align(dataOffset + ((data != null) ? data.length : Long.BYTES));
				buffer.putInt(start, length).putInt(start + 4, 20);
				buffer.putInt(start + 8, (data != null) ? data.length : 0);
				buffer.put(start + 12, (byte) ((data != null) ? 'B' : 'J')).putInt(start + 16, dataOffset);
				buffer.put(start + 20, name);
				if (data != null) {
					buffer.put(start + dataOffset, data);
				}
				else {
					buffer.putLong(start + dataOffset, (Long) counter.getValue());
				}
				dataOffsets.put(counter.getKey(), start + dataOffset);
				start += length;
			}
			buffer.order(ByteOrder.BIG_ENDIAN).putInt(0, this.magic).order(this.order);
			buffer.put(4, (byte) ((this.order == ByteOrder.LITTLE_ENDIAN) ? 1 : 0));
			buffer.put(7, (byte) (this.accessible ? 1 : 0)).putInt(8, start);
			buffer.putInt(24, 32).putInt(28, this.values.size());
			return new PerfCounterFile(buffer.limit(start).slice().order(this.order), dataOffsets);
		}

		/**
		 * The next multiple of 8.
		 */
		private static int align(int offset) {
			return (offset + 7) & -8;
		}

	}

}
