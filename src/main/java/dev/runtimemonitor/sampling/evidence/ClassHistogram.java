package dev.runtimemonitor.sampling.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest lines of the JVM's class histogram ({@code jcmd GC.class_histogram}), and
 * its totals.
 *
 * @param top the lines with the most bytes, most first
 * @param classes how many classes the histogram lists
 * @param instances the instances of all classes
 * @param bytes the bytes of all instances
 */
public record ClassHistogram(List<ClassHistogramRow> top, int classes, long instances, long bytes) {

	private static final Pattern ROW = Pattern
		.compile("\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\((.*)\\))?\\s*");

	private static final Pattern TOTAL = Pattern.compile("Total\\s+(\\d+)\\s+(\\d+)\\s*");

	public ClassHistogram {
		top = List.copyOf(top);
	}

	/**
	 * Read the histogram the JVM writes, keeping its largest lines. The JVM writes the
	 * lines by bytes, most first: <pre>
	 *  num     #instances         #bytes  class name (module)
	 * -------------------------------------------------------
	 *    1:         31180       68170672  [B (java.base@25.0.3)
	 *    3:         20000         480000  com.example.Order
	 * Total        103949       70669584
	 * </pre> Only the kept lines are parsed; the others are counted.
	 * @param text the histogram
	 * @param top how many lines to keep
	 * @return the histogram
	 * @throws IllegalArgumentException when the text is not a class histogram
	 */
	public static ClassHistogram parse(String text, int top) {
		List<ClassHistogramRow> rows = new ArrayList<>(Math.min(top, 256));
		int classes = 0;
		long instances = -1;
		long bytes = -1;
		for (String line : (Iterable<String>) text.lines()::iterator) {
			if (line.startsWith("Total")) {
				Matcher total = TOTAL.matcher(line);
				if (total.matches()) {
					instances = Long.parseLong(total.group(1));
					bytes = Long.parseLong(total.group(2));
				}
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 1 || !isRank(line, colon)) {
				continue;
			}
			classes++;
			if (rows.size() < top) {
				Matcher row = ROW.matcher(line);
				if (row.matches()) {
					rows.add(new ClassHistogramRow(Integer.parseInt(row.group(1)), Long.parseLong(row.group(2)),
							Long.parseLong(row.group(3)), row.group(4), row.group(5)));
				}
			}
		}
		if (bytes < 0) {
			throw new IllegalArgumentException("Not a class histogram: no 'Total' line");
		}
		return new ClassHistogram(rows, classes, instances, bytes);
	}

	private static boolean isRank(String line, int colon) {
		for (int i = 0; i < colon; i++) {
			char c = line.charAt(i);
			if (c != ' ' && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

}
