package dev.runtimemonitor.publishing.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.runtimemonitor.evaluation.Evaluation;
import dev.runtimemonitor.monitor.MonitorListener;
import org.jspecify.annotations.Nullable;

/**
 * The most recent points in a ring of fixed size, fed by the monitor at every tick: the
 * oldest point is dropped when a new one arrives, so memory stays flat however long the
 * process runs. Readers copy out what they need; nothing here samples.
 */
public final class RuntimeHistory implements MonitorListener {

	private final HistoryPoint[] ring;

	private int next;

	private int size;

	/**
	 * Create a history.
	 * @param capacity how many points to keep
	 */
	public RuntimeHistory(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("'capacity' must be at least 1");
		}
		this.ring = new HistoryPoint[capacity];
	}

	@Override
	public void onEvaluation(Evaluation evaluation, @Nullable Evaluation previous) {
		add(HistoryPoint.of(evaluation));
	}

	/**
	 * Add a point, dropping the oldest when full.
	 * @param point the newest point
	 */
	public synchronized void add(HistoryPoint point) {
		this.ring[this.next] = point;
		this.next = (this.next + 1) % this.ring.length;
		this.size = Math.min(this.size + 1, this.ring.length);
	}

	/**
	 * The points taken after a time, oldest first.
	 * @param epochMillis the time, exclusive: a reader passes the time of the last point
	 * it has
	 * @return the newer points
	 */
	public synchronized List<HistoryPoint> after(long epochMillis) {
		List<HistoryPoint> points = new ArrayList<>();
		for (int i = this.size - 1; i >= 0; i--) {
			HistoryPoint point = at(i);
			if (point.epochMillis() <= epochMillis) {
				break;
			}
			points.add(point);
		}
		Collections.reverse(points);
		return points;
	}

	/**
	 * Every point held, oldest first.
	 * @return a copy of the history
	 */
	public List<HistoryPoint> all() {
		return after(Long.MIN_VALUE);
	}

	/**
	 * How many points the history can hold.
	 * @return the capacity
	 */
	public int capacity() {
		return this.ring.length;
	}

	private HistoryPoint at(int index) {
		int oldest = (this.size < this.ring.length) ? 0 : this.next;
		return this.ring[(oldest + index) % this.ring.length];
	}

}
