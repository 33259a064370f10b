package dev.runtimemonitor.monitor.evidence;

import java.util.Locale;

/**
 * The one place that bounds the size of evidence text. A text within the bound is
 * returned as it is; a longer one is cut, at the end of a line where one is near, and
 * ends with a marker that says how much was cut: <pre>
 * [cut 81,234 of 146,770 bytes, 1,020 lines: evidence text is bounded to 65,536 bytes]
 * </pre> Sizes are UTF-8 bytes, the size the text has on the wire and in a log; the
 * result, marker included, never exceeds the bound.
 */
public final class TextBound {

	/** The default bound: 64 KiB per capture. */
	public static final int DEFAULT_MAX_BYTES = 64 * 1024;

	/** The default bound. */
	public static final TextBound DEFAULT = new TextBound(DEFAULT_MAX_BYTES);

	/** Room kept for the marker; it is under 120 bytes even with the largest numbers. */
	private static final int MARKER_ROOM = 160;

	private final int maxBytes;

	/**
	 * A bound of the given size.
	 * @param maxBytes the most UTF-8 bytes a bounded text has, marker included; at least
	 * 1 KiB
	 */
	public TextBound(int maxBytes) {
		if (maxBytes < 1024) {
			throw new IllegalArgumentException("'maxBytes' must be at least 1024");
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * The most bytes a bounded text has.
	 * @return the bound, in UTF-8 bytes
	 */
	public int maxBytes() {
		return this.maxBytes;
	}

	/**
	 * The text, cut to the bound when it is longer.
	 * @param text the text
	 * @return the text itself when it fits, else its head and a marker saying what was
	 * cut
	 */
	public String apply(String text) {
		if (text.length() <= this.maxBytes / 3 || utf8Length(text, 0, text.length()) <= this.maxBytes) {
			return text;
		}
		int end = cutIndex(text, this.maxBytes - MARKER_ROOM);
		int total = utf8Length(text, 0, text.length());
		int cutBytes = total - utf8Length(text, 0, end);
		long cutLines = text.substring(end).lines().count();
		String marker = String.format(Locale.ROOT,
				"[cut %,d of %,d bytes, %,d lines: evidence text is bounded to %,d bytes]%n", cutBytes, total, cutLines,
				this.maxBytes);
		String head = text.substring(0, end);
		return (head.endsWith("\n") ? head : head + "\n") + marker;
	}

	/**
	 * Where to cut so that the head has at most {@code budget} bytes: after the last line
	 * break in the budget's last quarter, else at the last whole character.
	 */
	private static int cutIndex(String text, int budget) {
		int bytes = 0;
		int index = 0;
		while (index < text.length()) {
			int width = utf8Width(text, index);
			if (bytes + width > budget) {
				break;
			}
			bytes += width;
			index += Character.charCount(text.codePointAt(index));
		}
		int lineEnd = text.lastIndexOf('\n', index - 1);
		return (lineEnd >= 0 && utf8Length(text, 0, lineEnd + 1) >= budget * 3 / 4) ? lineEnd + 1 : index;
	}

	static int utf8Length(CharSequence text, int from, int to) {
		int bytes = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private static int utf8Width(String text, int index) {
		int codePoint = text.codePointAt(index);
		return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

}
