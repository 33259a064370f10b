package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A thread name, or a group's pattern, split into its shape and its digit runs. The shape
 * is the name with every digit run written {@code *}; a pattern keeps some runs as digits
 * and writes the others {@code *}. A {@code *} or {@code \} that is part of the name is
 * written {@code \*} or {@code \\}, so that a pattern reads back unambiguously.
 *
 * @param shape the name with every digit run written {@code *}
 * @param runs the digit runs, left to right; {@code null} where a pattern has {@code *}
 */
record ThreadNamePattern(String shape, @Nullable String[] runs) {

	/**
	 * Split a thread's name.
	 * @param name the name
	 * @return its shape and digit runs, none of them {@code null}
	 */
	static ThreadNamePattern ofName(String name) {
		StringBuilder shape = new StringBuilder(name.length() + 4);
		List<String> runs = new ArrayList<>(4);
		int i = 0;
		while (i < name.length()) {
			char c = name.charAt(i);
			if (isDigit(c)) {
				int end = i + 1;
				while (end < name.length() && isDigit(name.charAt(end))) {
					end++;
				}
				runs.add(name.substring(i, end));
				shape.append('*');
				i = end;
				continue;
			}
			if (c == '*' || c == '\\') {
				shape.append('\\');
			}
			shape.append(c);
			i++;
		}
		return new ThreadNamePattern(shape.toString(), runs.toArray(new String[0]));
	}

	/**
	 * Read back a group's pattern.
	 * @param pattern the pattern, as {@link #toString()} writes it
	 * @return its shape and digit runs, {@code null} for each {@code *}
	 */
	static ThreadNamePattern ofPattern(String pattern) {
		StringBuilder shape = new StringBuilder(pattern.length());
		List<@Nullable String> runs = new ArrayList<>(4);
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '\\' && i + 1 < pattern.length()) {
				shape.append(c).append(pattern.charAt(i + 1));
				i += 2;
			}
			else if (c == '*' || isDigit(c)) {
				int end = i + 1;
				while (c != '*' && end < pattern.length() && isDigit(pattern.charAt(end))) {
					end++;
				}
				runs.add((c == '*') ? null : pattern.substring(i, end));
				shape.append('*');
				i = end;
			}
			else {
				shape.append(c);
				i++;
			}
		}
		return new ThreadNamePattern(shape.toString(), runs.toArray(new String[0]));
	}

	/**
	 * Whether every name this pattern stands for, {@code other} stands for too, and more
	 * or as many: same shape, and each of this pattern's digit runs is a {@code *} or the
	 * same digits in {@code other}.
	 */
	boolean covers(ThreadNamePattern other) {
		if (!this.shape.equals(other.shape)) {
			return false;
		}
		for (int i = 0; i < this.runs.length; i++) {
			String run = this.runs[i];
			if (run != null && !run.equals(other.runs[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether no name matches both patterns: another shape, or different digits where
	 * both keep them.
	 */
	boolean isDisjointFrom(ThreadNamePattern other) {
		if (!this.shape.equals(other.shape)) {
			return true;
		}
		for (int i = 0; i < this.runs.length; i++) {
			String run = this.runs[i];
			String otherRun = other.runs[i];
			if (run != null && otherRun != null && !run.equals(otherRun)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The pattern as people read it.
	 * @return the shape with the kept digit runs in place of their {@code *}
	 */
	@Override
	public String toString() {
		return write(this.shape, this.runs);
	}

	static String write(String shape, @Nullable String[] runs) {
		StringBuilder text = new StringBuilder(shape.length() + 8);
		int run = 0;
		for (int i = 0; i < shape.length(); i++) {
			char c = shape.charAt(i);
			if (c == '\\' && i + 1 < shape.length()) {
				text.append(c).append(shape.charAt(++i));
			}
			else if (c == '*') {
				String digits = runs[run++];
				text.append((digits != null) ? digits : "*");
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ThreadNamePattern pattern && this.shape.equals(pattern.shape)
				&& Arrays.equals(this.runs, pattern.runs);
	}

	@Override
	public int hashCode() {
		return 31 * this.shape.hashCode() + Arrays.hashCode(this.runs);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
