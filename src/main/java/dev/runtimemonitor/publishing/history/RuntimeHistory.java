package dev.runtimemonitor.publishing.history;

import java.util.List;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.monitor.MonitorListener;
import dev.runtimemonitor.monitor.Ring;
import org.jspecify.annotations.Nullable;

/**
 * The most recent points, one per tick, in a ring of fixed size fed by the monitor:
 * memory stays flat however long the process runs. Readers copy out what they need;
 * nothing here samples.
 */
public final class RuntimeHistory implements MonitorListener {

	private final Ring<HistoryPoint> points;

	/**
	 * Create a history.
	 * @param capacity how many points to keep, at least 1
	 */
	public RuntimeHistory(int capacity) {
		this.points = new Ring<>(capacity);
	}

	@Override
	public void onEvaluation(Evaluation evaluation, @Nullable Evaluation previous) {
		add(HistoryPoint.of(evaluation));
	}

	/**
	 * Add a point, dropping the oldest when full.
	 * @param point the newest point
	 */
	public void add(HistoryPoint point) {
		this.points.add(point);
	}

	/**
	 * The points taken after a time, oldest first.
	 * @param epochMillis the time, exclusive: a reader passes the time of the last point
	 * it has
	 * @return the newer points
	 */
	public List<HistoryPoint> after(long epochMillis) {
		return this.points.newestWhile((point) -> point.epochMillis() > epochMillis);
	}

	/**
	 * Every point held, oldest first.
	 * @return a copy of the history
	 */
	public List<HistoryPoint> all() {
		return this.points.toList();
	}

	/**
	 * How many points the history can hold.
	 * @return the capacity
	 */
	public int capacity() {
		return this.points.capacity();
	}

}
