package dev.runtimemonitor.evaluation;

/**
 * The climb of the container's memory, carried from one evaluation to the next as the
 * checks' breach starts are ({@link CheckResult}): what the rate of a steady climb
 * ({@link Readings.Memory#containerGrowthBytesPerSecond}) is taken from. Pure: the next
 * climb follows from this one and the next sample alone.
 * <p>
 * A climb counts once the memory has risen at {@value #STEADY_RISES} samples in a row, at
 * the slower of its last two rises. The first rise of a climb spans only part of an
 * interval, and a burst that is freed at once can span two samples while it is being
 * allocated; the slower of the two rises after the first is a rate the climb has kept up
 * for a whole interval, twice.
 *
 * @param usedBytes the container's memory at the latest sample, as its limit is judged
 * ({@link Readings.Memory#containerUsedBytes}); unknown outside a control group
 * @param risingSamples how many samples in a row it rose, up to the latest
 * @param stepBytesPerSecond how fast it rose from the sample before the latest; unknown
 * when it did not rise
 * @param growthBytesPerSecond the slower of its last two rises once it has risen at
 * {@value #STEADY_RISES} samples in a row; unknown before
 */
public record ContainerClimb(double usedBytes, int risingSamples, double stepBytesPerSecond,
		double growthBytesPerSecond) {

	/** The samples in a row the container's memory must rise before its climb counts. */
	public static final int STEADY_RISES = 3;

	/** No climb: before the first sample, or outside a control group. */
	public static final ContainerClimb NONE = new ContainerClimb(Double.NaN, 0, Double.NaN, Double.NaN);

	/**
	 * The climb as of the next sample.
	 * @param nextUsedBytes the container's memory at that sample, {@code NaN} when
	 * unknown
	 * @param sincePreviousSeconds the time from the latest sample to that one
	 * @return the climb as of that sample
	 */
	ContainerClimb next(double nextUsedBytes, double sincePreviousSeconds) {
		boolean rose = nextUsedBytes > this.usedBytes && sincePreviousSeconds > 0;
		if (!rose) {
			// Outside a control group every sample is the same: no climb.
			return Double.isNaN(nextUsedBytes) ? NONE : new ContainerClimb(nextUsedBytes, 0, Double.NaN, Double.NaN);
		}
		double step = (nextUsedBytes - this.usedBytes) / sincePreviousSeconds;
		int rising = this.risingSamples + 1;
		double growth = (rising >= STEADY_RISES) ? Math.min(step, this.stepBytesPerSecond) : Double.NaN;
		return new ContainerClimb(nextUsedBytes, rising, step, growth);
	}

}
