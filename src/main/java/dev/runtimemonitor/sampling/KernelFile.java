package dev.runtimemonitor.sampling;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * A small file the kernel generates on every read ({@code /proc}, cgroup files), kept
 * open and re-read from offset 0 into one reused buffer. Reading it this way costs a few
 * microseconds and no garbage, where {@code Files.readAllLines} costs ten times as much
 * and tens of kilobytes. Not thread-safe: only the sampling thread reads it.
 */
final class KernelFile implements Closeable {

	private final Path path;

	private final FileChannel channel;

	private final ByteBuffer buffer;

	private KernelFile(Path path, FileChannel channel, int capacity) {
		this.path = path;
		this.channel = channel;
		this.buffer = ByteBuffer.allocateDirect(capacity);
	}

	static KernelFile open(Path path, int capacity) throws IOException {
		return new KernelFile(path, FileChannel.open(path, StandardOpenOption.READ), capacity);
	}

	Path path() {
		return this.path;
	}

	/**
	 * Read the file's current content from the start.
	 * @return the content, from position 0 to its limit; valid until the next read
	 * @throws IOException when the file cannot be read, or fills the whole buffer (it may
	 * be longer, and a key past the end would silently be missing)
	 */
	ByteBuffer read() throws IOException {
		this.buffer.clear();
		int total = 0;
		while (this.buffer.hasRemaining()) {
			int read = this.channel.read(this.buffer, total);
			if (read <= 0) {
				break;
			}
			total += read;
		}
		if (!this.buffer.hasRemaining()) {
			throw new IOException(this.path + " does not fit in " + this.buffer.capacity() + " bytes");
		}
		this.buffer.flip();
		return this.buffer;
	}

	/**
	 * Read the file as one number, as cgroup files hold them.
	 * @param unlimited the word the file holds when there is no limit ({@code max} in
	 * cgroup v2), or {@code null}
	 * @return the number, or {@code -1} when the file holds the word for no limit
	 * @throws IOException when the file cannot be read or holds no number
	 */
	long readNumber(@Nullable String unlimited) throws IOException {
		ByteBuffer content = read();
		if (unlimited != null && startsWith(content, 0, unlimited)) {
			return -1;
		}
		long value = parseDigits(content, 0);
		if (value < 0) {
			throw new IOException("No number in " + this.path);
		}
		return value;
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	/**
	 * The number that follows a key at the start of a line, skipping blanks:
	 * {@code VmRSS:} in {@code /proc/self/status}, {@code inactive_file } in a cgroup's
	 * {@code memory.stat}.
	 * @param content the content read
	 * @param key the key with the separator that ends it (a colon, or a space), so that
	 * it never matches a longer key that starts the same
	 * @return the number, or {@code -1} when the key or the number is missing
	 */
	static long numberAfter(ByteBuffer content, String key) {
		int at = indexOf(content, key);
		return (at < 0) ? -1 : parseDigits(content, at + key.length());
	}

	private static int indexOf(ByteBuffer content, String key) {
		int last = content.limit() - key.length();
		for (int i = 0; i <= last; i++) {
			if ((i == 0 || content.get(i - 1) == '\n') && startsWith(content, i, key)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean startsWith(ByteBuffer content, int at, String word) {
		if (at + word.length() > content.limit()) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			if (content.get(at + i) != (byte) word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static long parseDigits(ByteBuffer content, int from) {
		int i = from;
		while (i < content.limit() && (content.get(i) == ' ' || content.get(i) == '\t')) {
			i++;
		}
		long value = 0;
		int digits = 0;
		while (i < content.limit()) {
			byte b = content.get(i);
			if (b < '0' || b > '9') {
				break;
			}
			value = value * 10 + (b - '0');
			digits++;
			i++;
		}
		return (digits > 0) ? value : -1;
	}

}
