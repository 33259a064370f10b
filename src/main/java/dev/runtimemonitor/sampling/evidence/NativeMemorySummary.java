package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM's native-memory summary ({@code jcmd VM.native_memory summary}): reserved and
 * committed memory in all and per category, and the summary as the JVM wrote it.
 *
 * @param reservedBytes address space reserved in all
 * @param committedBytes memory committed in all
 * @param categories the categories, most committed first
 * @param summary the summary as the JVM wrote it
 */
public record NativeMemorySummary(long reservedBytes, long committedBytes, List<NativeMemoryCategory> categories,
		String summary) {

	private static final Pattern TOTAL = Pattern
		.compile("Total: reserved=(\\d+)([KMG]?B), committed=(\\d+)([KMG]?B).*");

	private static final Pattern CATEGORY = Pattern
		.compile("-\\s+(.+?) \\(reserved=(\\d+)([KMG]?B), committed=(\\d+)([KMG]?B)[,)].*");

	public NativeMemorySummary {
		categories = List.copyOf(categories);
	}

	/**
	 * Read the summary the JVM writes, at any scale: <pre>
	 * Total: reserved=1711178KB, committed=340046KB
	 * ...
	 * -                 Java Heap (reserved=262144KB, committed=262144KB)
	 *                             (mmap: reserved=262144KB, committed=262144KB, at peak)
	 *
	 * -                     Class (reserved=1048692KB, committed=500KB)
	 * </pre>
	 * @param text the summary
	 * @return the summary, its categories most committed first
	 * @throws IllegalArgumentException when the text is not a native-memory summary
	 */
	public static NativeMemorySummary parse(String text) {
		long reserved = -1;
		long committed = -1;
		List<NativeMemoryCategory> categories = new ArrayList<>();
		for (String line : (Iterable<String>) text.lines()::iterator) {
			String trimmed = line.strip();
			Matcher total = TOTAL.matcher(trimmed);
			if (total.matches()) {
				reserved = bytes(total.group(1), total.group(2));
				committed = bytes(total.group(3), total.group(4));
				continue;
			}
			Matcher category = CATEGORY.matcher(trimmed);
			if (category.matches()) {
				categories.add(new NativeMemoryCategory(category.group(1).strip(),
						bytes(category.group(2), category.group(3)), bytes(category.group(4), category.group(5))));
			}
		}
		if (reserved < 0) {
			throw new IllegalArgumentException("Not a native-memory summary: no 'Total:' line");
		}
		categories.sort(Comparator.comparingLong(NativeMemoryCategory::committedBytes).reversed());
		return new NativeMemorySummary(reserved, committed, categories, text);
	}

	private static long bytes(String amount, String unit) {
		long value = Long.parseLong(amount);
		return switch (unit) {
			case "KB" -> value << 10;
			case "MB" -> value << 20;
			case "GB" -> value << 30;
			default -> value;
		};
	}

}
