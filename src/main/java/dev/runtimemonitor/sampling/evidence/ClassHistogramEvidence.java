package dev.runtimemonitor.sampling.evidence;

import java.time.Duration;
import java.util.Locale;

/**
 * The evidence for a heap check: the classes whose live instances take the most bytes,
 * and what taking the histogram cost the application. The JVM collects the heap, so that
 * only live objects count, then walks it with the application stopped. With Serial,
 * Parallel and G1 the collection is a full stop-the-world collection in the same pause;
 * with ZGC and Shenandoah it runs concurrently first, and only the walk stops the
 * application.
 *
 * @param histogram the largest lines of the histogram
 * @param took how long the capture took
 * @param pause how long of it the application stood still: {@code took} less the
 * concurrent whole-heap cycles (ZGC's major cycles, Shenandoah's) in it, not ZGC's minor
 * cycles that ran beside it; a little more than the safepoint, which it includes with the
 * time to reach it
 * @param gcTime the time collectors spent in it, as the collector beans count it (whole
 * milliseconds): the full collection's pause, or the concurrent cycle
 */
public record ClassHistogramEvidence(ClassHistogram histogram, Duration took, Duration pause, Duration gcTime) {

	/**
	 * The evidence as text, bounded by {@link TextBound#DEFAULT}: <pre>
	 * Class histogram of live objects: the 20 largest of 9,812 classes, by bytes
	 *  rank      instances            bytes  class
	 *     1         31,180       68,170,672  [B (java.base@25.0.3)
	 *     3         20,000          480,000  com.example.Order
	 *   all        103,949       70,669,584
	 * Took 858.0 ms and stopped the application for 858.0 ms; collections: 662 ms
	 * </pre>
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder(96 * (this.histogram.top().size() + 4));
		text.append(
				String.format(Locale.ROOT, "Class histogram of live objects: the %d largest of %,d classes, by bytes%n",
						this.histogram.top().size(), this.histogram.classes()));
		text.append(" rank      instances            bytes  class\n");
		for (ClassHistogramRow row : this.histogram.top()) {
			text.append(String.format(Locale.ROOT, "%5d  %,13d  %,15d  %s%s%n", row.rank(), row.instances(),
					row.bytes(), row.className(), (row.module() != null) ? " (" + row.module() + ")" : ""));
		}
		text.append(String.format(Locale.ROOT, "  all  %,13d  %,15d%n", this.histogram.instances(),
				this.histogram.bytes()));
		text.append(
				String.format(Locale.ROOT, "Took %.1f ms and stopped the application for %.1f ms; collections: %d ms%n",
						this.took.toNanos() / 1e6, this.pause.toNanos() / 1e6, this.gcTime.toMillis()));
		return TextBound.DEFAULT.apply(text.toString());
	}

}
