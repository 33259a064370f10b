package dev.runtimemonitor.evaluation;

import dev.runtimemonitor.sampling.LiveSetPoints;

/**
 * How fast the heap's live set grows, from the points where the old generation was seen
 * to drop (see {@link LiveSetPoints}). Pure. A leak shows as minima that keep rising; a
 * heap that fills and is collected back shows as flat minima, and a warm-up as minima
 * that rise and then level off. So the growth is the least-squares slope over the last
 * half hour of points, and no more than the slope over the newer half of the time they
 * span: once the live set has levelled off for that long, the trend does too. The newer
 * half rather than the last few points, because G1's floor wanders by a MiB or two from
 * minute to minute, which over three or four minutes reads as a slope that a small heap's
 * warning takes for a leak. Points on either side of a heap inspection (a class histogram
 * the monitor takes, which collects the whole heap) stand on different floors, so the
 * slope is one line per group of points with no heap inspection between them, each at its
 * own level, all with the same slope: the step between groups reads as no growth, and the
 * points before an inspection still count. It is unknown until the points span fifteen
 * minutes: a service's live set can climb for its first ten (caches, the monitor's own
 * window of evaluations at a short interval), and a newer half of five minutes still took
 * that warm-up, with G1's floor wandering, for a leak.
 */
final class LiveSetTrend {

	/** Points older than this are left out. */
	static final long SPAN_MILLIS = 30 * 60_000L;

	/** The points must cover at least this much time. */
	static final long MINIMUM_SPAN_MILLIS = 15 * 60_000L;

	/** At least this many points. */
	static final int MINIMUM_POINTS = 3;

	private LiveSetTrend() {
	}

	/**
	 * The live set's growth.
	 * @param points the live-set points, oldest first
	 * @param nowMillis the time of the evaluation
	 * @return bytes per second, never below zero; {@code NaN} when the points do not tell
	 */
	static double bytesPerSecond(LiveSetPoints points, long nowMillis) {
		int first = 0;
		while (first < points.size() && points.epochMillis()[first] < nowMillis - SPAN_MILLIS) {
			first++;
		}
		int count = points.size() - first;
		if (count < MINIMUM_POINTS
				|| points.epochMillis()[points.size() - 1] - points.epochMillis()[first] < MINIMUM_SPAN_MILLIS) {
			return Double.NaN;
		}
		double overall = slope(points, first);
		if (Double.isNaN(overall)) {
			return Double.NaN;
		}
		double recent = slope(points, newerHalf(points, first));
		return Math.max(0, Double.isNaN(recent) ? overall : Math.min(overall, recent));
	}

	/**
	 * Where the newer half of the time the points span begins, keeping at least the
	 * fewest points a slope is taken from.
	 */
	private static int newerHalf(LiveSetPoints points, int first) {
		long[] times = points.epochMillis();
		long middle = times[first] + (times[points.size() - 1] - times[first]) / 2;
		int from = first;
		while (times[from] < middle) {
			from++;
		}
		return Math.min(from, points.size() - MINIMUM_POINTS);
	}

	/**
	 * The least-squares slope of the points from an index on, in bytes per second, shared
	 * by the groups of points between heap inspections: each group is measured from its
	 * own mean, so a step between groups adds nothing.
	 * @return the slope, or {@code NaN} when no group has points at two times
	 */
	private static double slope(LiveSetPoints points, int from) {
		double covariance = 0;
		double variance = 0;
		int start = from;
		while (start < points.size()) {
			int end = start;
			while (end < points.size() && points.inspectionsBefore()[end] == points.inspectionsBefore()[start]) {
				end++;
			}
			double origin = points.epochMillis()[start];
			double sumX = 0;
			double sumY = 0;
			for (int i = start; i < end; i++) {
				sumX += Seconds.ofMillis(points.epochMillis()[i] - origin);
				sumY += points.bytes()[i];
			}
			double meanX = sumX / (end - start);
			double meanY = sumY / (end - start);
			for (int i = start; i < end; i++) {
				double x = Seconds.ofMillis(points.epochMillis()[i] - origin) - meanX;
				covariance += x * (points.bytes()[i] - meanY);
				variance += x * x;
			}
			start = end;
		}
		return (variance > 0) ? covariance / variance : Double.NaN;
	}

}
