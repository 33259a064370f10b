package dev.runtimemonitor.monitor.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.runtimemonitor.evaluation.FigureFormatter;
import dev.runtimemonitor.evaluation.Seconds;
import dev.runtimemonitor.sampling.evidence.ClassHistogram;
import dev.runtimemonitor.sampling.evidence.ClassHistogramRow;
import dev.runtimemonitor.sampling.evidence.ClassHistogramRun;

/**
 * Writes the class-histogram capture: the classes whose live instances take the most
 * bytes, and what taking the histogram cost the application: <pre>
 * Class histogram of live objects: the 20 largest of 9,812 classes, by bytes
 *  rank      instances            bytes  class
 *     1         31,180       68,170,672  [B (java.base@25.0.3)
 *     3         20,000          480,000  com.example.Order
 *   all        103,949       70,669,584
 * Took 858 ms and stopped the application for 858 ms; collections: 662 ms
 * </pre> The summary names the largest class and its share of the live heap; a histogram
 * its rate limit refused says when the next is allowed.
 */
final class ClassHistogramFormatter {

	private ClassHistogramFormatter() {
	}

	static Capture format(ClassHistogramRun run) {
		return new Capture(true, summary(run), text(run), run.pause());
	}

	static Capture refused(CaptureRateLimit rateLimit) {
		return Capture.notTaken("No class histogram: it stops the application, so it runs at most once every "
				+ FigureFormatter.duration(rateLimit.minInterval()) + ", and the last one ran less than that ago; "
				+ "the next is allowed in " + FigureFormatter.duration(wholeSeconds(rateLimit.remaining())));
	}

	private static String summary(ClassHistogramRun run) {
		String pause = "; the application stood still " + FigureFormatter.seconds(Seconds.of(run.pause())) + " for it";
		List<ClassHistogramRow> top = run.histogram().top();
		long live = run.histogram().bytes();
		if (top.isEmpty()) {
			return FigureFormatter.bytes(live) + " live" + pause;
		}
		ClassHistogramRow largest = top.get(0);
		return "largest " + largest.className() + ": " + FigureFormatter.bytes(largest.bytes()) + " in "
				+ String.format(Locale.ROOT, "%,d", largest.instances()) + " instances, "
				+ FigureFormatter.percent((double) largest.bytes() / live) + " of " + FigureFormatter.bytes(live)
				+ " live" + pause;
	}

	private static String text(ClassHistogramRun run) {
		ClassHistogram histogram = run.histogram();
		StringBuilder text = new StringBuilder(96 * (histogram.top().size() + 4));
		text.append(
				String.format(Locale.ROOT, "Class histogram of live objects: the %d largest of %,d classes, by bytes%n",
						histogram.top().size(), histogram.classes()));
		text.append(" rank      instances            bytes  class\n");
		for (ClassHistogramRow row : histogram.top()) {
			text.append(String.format(Locale.ROOT, "%5d  %,13d  %,15d  %s%s%n", row.rank(), row.instances(),
					row.bytes(), row.className(), (row.module() != null) ? " (" + row.module() + ")" : ""));
		}
		text.append(String.format(Locale.ROOT, "  all  %,13d  %,15d%n", histogram.instances(), histogram.bytes()));
		text.append("Took ")
			.append(FigureFormatter.seconds(Seconds.of(run.took())))
			.append(" and stopped the application for ")
			.append(FigureFormatter.seconds(Seconds.of(run.pause())))
			.append("; collections: ")
			.append(FigureFormatter.seconds(Seconds.of(run.gcTime())))
			.append('\n');
		return text.toString();
	}

	/**
	 * The time left, rounded up to whole seconds, so that "allowed in 0s" never reads
	 * while a run is still refused.
	 */
	private static Duration wholeSeconds(Duration duration) {
		return Duration.ofSeconds(duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0));
	}

}
