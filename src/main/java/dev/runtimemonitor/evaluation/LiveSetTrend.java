package dev.runtimemonitor.evaluation;

import dev.runtimemonitor.sampling.LiveSetPoints;

/**
 * How fast the heap's live set grows, from the points where the old generation was seen
 * to fall (see {@link LiveSetPoints}). Pure. A leak shows as minima that keep rising; a
 * heap that fills and is collected back shows as flat minima, and a warm-up as minima
 * that rise and then level off. So the growth is the least-squares slope over the last
 * half hour of points, and no more than the slope over the most recent points: once the
 * live set levels off, the trend does too. It is unknown until the points span ten
 * minutes.
 */
final class LiveSetTrend {

	/** Points older than this are left out. */
	static final long SPAN_MILLIS = 30 * 60_000L;

	/** The points must cover at least this much time. */
	static final long MINIMUM_SPAN_MILLIS = 10 * 60_000L;

	/** At least this many points. */
	static final int MINIMUM_POINTS = 3;

	/** The most recent points whose slope bounds the trend. */
	static final int RECENT_POINTS = 4;

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
		double recent = slope(points, Math.max(first, points.size() - RECENT_POINTS));
		return Math.max(0, Math.min(overall, recent));
	}

	/**
	 * The least-squares slope of the points from an index on, in bytes per second.
	 */
	private static double slope(LiveSetPoints points, int from) {
		int count = points.size() - from;
		double origin = points.epochMillis()[from];
		double sumX = 0;
		double sumY = 0;
		for (int i = from; i < points.size(); i++) {
			sumX += (points.epochMillis()[i] - origin) / 1000.0;
			sumY += points.bytes()[i];
		}
		double meanX = sumX / count;
		double meanY = sumY / count;
		double covariance = 0;
		double variance = 0;
		for (int i = from; i < points.size(); i++) {
			double x = (points.epochMillis()[i] - origin) / 1000.0 - meanX;
			covariance += x * (points.bytes()[i] - meanY);
			variance += x * x;
		}
		return (variance > 0) ? covariance / variance : 0;
	}

}
